/**
 * Text that comes from data or people is never markup, in any message Leak can send. Hostile strings
 * (<!here>, <!channel>, <@U123>, a disguised link, a literal &amp;) are planted in every field of the
 * three CSVs (rows with a bad value in a checked column are quarantined, and the quarantine shows
 * them), in action titles, team names (a catalog), notes, dismissal reasons and command arguments;
 * then every kind of message is produced through the real app and receiver: every command's answer
 * (own renderers, the generic one, --json, help), errors, buttons, the modal, the Home tab, a mention,
 * every alert rule with its buttons and "back to normal", action messages, reminders and outcomes,
 * and the digest. Every mrkdwn text and `text` fallback the fake Slack received is then checked:
 * no `<` but Leak's own mentions of known users and channels, no `&` that is not an entity. The fake
 * Slack also refuses anything over Slack's limits (long hostile values test the fitting too).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsIn } from '../../../commands/command.ts';
import { loadCommands } from '../../../commands/registry.ts';
import { parseCommandArgs } from '../../../commands/invocation.ts';
import actionCommand from '../../../commands/action.ts';
import { runActionJobs } from '../../../src/actions/jobs.ts';
import { getAction, listActions } from '../../../src/actions/repository.ts';
import { DEFAULT_CATALOG } from '../../../src/actions/catalog.ts';
import { runAlertJobs } from '../../../src/alerts/jobs.ts';
import { listAlerts } from '../../../src/alerts/repository.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { applyMessages } from '../../../src/stream/apply-messages.ts';
import { createChartRenderer } from '../../../reports/charts/render.ts';
import { postDigest } from '../../../reports/digest/post.ts';
import type { Context } from '../../../src/context.ts';
import { startFakeSlack, type FakeCall, type FakeSlack } from '../../helpers/fake-slack.ts';
import { tempDir, writeCsv } from '../../helpers/csv.ts';
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionPayload,
  CHANNEL,
  eventEnvelope,
  eventRequest,
  imMessageEvent,
  interactionRequest,
  slashCommandRequest,
  USER,
} from '../../helpers/slack-request.ts';
import { startApp, type StartedApp } from '../../helpers/start-app.ts';
import { makeDeps } from '../../helpers/store.ts';

/** The planted text: a channel ping, a user ping, a disguised link, a literal entity, formatting. Under 64 characters so ids can carry it. */
const H = (tag: string) => `<!here><@U123><https://evil.example|click>&amp;*b*${tag}`;
const H2 = (tag: string) => `<!channel> & <@U999|x> ${tag}`;
/** Long hostile text, for fields that allow it: fitting is tested on it too. */
const long = (n: number) => `${H2('long')} ${'<!here> x&y '.repeat(Math.ceil(n / 12))}`.slice(0, n);

const ALERTS = 'C0ALERTS1';
const ACTIONS = 'C0ACTIONS1';
const DIGEST = 'C0DIGEST1';
const CLICKERS = ['U0BOB0001', 'U0CAROL01', 'U0DAN0001', 'U0EVE0001', 'U0FRED001'];
const KNOWN_USERS = new Set([USER.id, ...CLICKERS]);
const KNOWN_CHANNELS = new Set([CHANNEL.id, ALERTS, ACTIONS, DIGEST]);

const NOW = '2026-11-24T17:00:00Z'; // Tuesday 12:00 in New York
const SPIKE_DAY = '2026-11-23'; // the closed Monday the spike scan reads
const BASELINE_MONDAYS = ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16'];
const ERR = H('err');
const LONG_ERR = long(1900);
const member = (i: number) => `M-${100000 + i}`;

let slack: FakeSlack;
let app: StartedApp;
let deps: Context;

/** Every field of the three CSVs carries hostile text: free-text fields load it, checked fields quarantine it (and the quarantine shows it). */
function hostileCsvs(dir: string) {
  const members = ['member_id,plan,enrolled_on,language,birth_year,state,name'];
  for (let i = 0; i < 20; i++) members.push([member(i), 'MAPD', '2020-01-01', 'en', '1950', 'FL', i === 1 ? H('name') : `Member ${i}`].join(','));
  const goodMember = [member(90), 'MAPD', '2020-01-01', 'en', '1950', 'FL', 'Q'];
  goodMember.forEach((_, col) => {
    if (col === 6) return;
    const row = [...goodMember];
    row[col] = H(`m${col}`);
    row[0] = col === 0 ? row[0] : member(91 + col);
    members.push(row.join(','));
  });

  const digital = ['event_id,member_id,session_id,ts,channel,device,journey,step,outcome,error_message'];
  const calls = ['call_id,member_id,started_at,ended_at,interaction,ivr_route,agent_id,disposition,sentiment_start,sentiment_end,survey_comment,transcript'];
  let n = 0;
  const leak = (day: string, minute: number, who: number, error = ERR) => {
    n++;
    const at = Date.parse(`${day}T12:00:00Z`) + minute * 60_000;
    const iso = (ms: number) => new Date(ms).toISOString();
    digital.push([H(`e${n}`), member(who), H(`s${n}`), iso(at), 'app', 'mobile', 'billing', long(150), 'error', error].join(','));
    calls.push([H(`c${n}`), member(who), iso(at + 5 * 60_000), iso(at + 10 * 60_000), 'voice', long(150), H(`agent${n % 3}`), 'resolved', '-0.5', '0.2', long(3000), long(9000)].join(','));
  };
  for (const day of BASELINE_MONDAYS) for (let i = 0; i < 2; i++) leak(day, i * 60, i);
  for (let i = 0; i < 60; i++) leak(SPIKE_DAY, Math.floor(i / 20) * 60, i % 20);
  for (let i = 0; i < 6; i++) leak('2026-11-24', i * 40, i, i % 2 ? LONG_ERR : ERR);
  // Today's contact-center trouble: one agent failing a third of 21 calls (agent_failed_rate), one member
  // failing 7 times (member_failed_repeat, failed_interaction), and one call over 50 minutes (long_interaction).
  for (let i = 0; i < 21; i++) {
    const at = Date.parse('2026-11-24T13:00:00Z') + i * 6 * 60_000;
    const failed = i % 3 === 0;
    calls.push([H(`f${i}`), member(failed ? 19 : 18), new Date(at).toISOString(), new Date(at + 120_000).toISOString(), 'chat', H('route'), H('agentF'), failed ? 'failed' : 'resolved', '', '', H('survey'), H('transcript')].join(','));
  }
  calls.push([H('long-call'), member(17), '2026-11-24T14:00:00Z', '2026-11-24T15:10:00Z', 'voice', H('route'), H('agentL'), 'transferred', '', '', '', ''].join(','));

  const goodEvent = ['e-ok', member(2), 's-ok', '2026-11-24T15:00:00Z', 'app', 'mobile', 'billing', 'step', 'error', 'x'];
  goodEvent.forEach((_, col) => {
    const row = [...goodEvent];
    row[col] = H(`d${col}`);
    if (col !== 0) row[0] = `e-bad-${col}`;
    digital.push(row.join(','));
  });
  const goodCall = ['c-ok', member(2), '2026-11-24T15:05:00Z', '2026-11-24T15:09:00Z', 'voice', 'r', 'a', 'resolved', '0', '0', '', ''];
  goodCall.forEach((_, col) => {
    const row = [...goodCall];
    row[col] = H(`k${col}`);
    if (col !== 0) row[0] = `c-bad-${col}`;
    calls.push(row.join(','));
  });
  return {
    members: writeCsv(dir, 'members.csv', members[0], members.slice(1)),
    digital: writeCsv(dir, 'digital_events.csv', digital[0], digital.slice(1)),
    calls: writeCsv(dir, 'calls.csv', calls[0], calls.slice(1)),
  };
}

/** A catalog whose team names and titles are hostile too (the catalog is people's text). */
function hostileCatalog(dir: string): string {
  const catalog = JSON.parse(fs.readFileSync(DEFAULT_CATALOG, 'utf8'));
  catalog.templates = catalog.templates.map((t: { owner_team: string; title: string }, i: number) => ({ ...t, owner_team: H(`team${i}`), title: `${t.title} ${H2('title')}` }));
  const file = path.join(dir, 'catalog.json');
  fs.writeFileSync(file, JSON.stringify(catalog));
  return file;
}

beforeAll(async () => {
  const dir = tempDir();
  const base = makeDeps({
    now: NOW,
    env: { LEAK_ALERT_CHANNEL: ALERTS, LEAK_ACTIONS_CHANNEL: ACTIONS, LEAK_ACTION_CATALOG: hostileCatalog(dir) },
  });
  const files = hostileCsvs(dir);
  await importCsvFile(base.store, 'members', files.members);
  await importCsvFile(base.store, 'digital', files.digital);
  await importCsvFile(base.store, 'calls', files.calls);
  runPipeline(base.store, base.config);
  slack = await startFakeSlack();
  app = await startApp({ slack, deps: base });
  deps = app.deps;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await slack?.close();
});

let seq = 0;

/** /leak TEXT as `userId`; resolves with the private answer. */
async function leak(text: string, userId = USER.id): Promise<Record<string, any>> {
  const id = `cmd${++seq}`;
  const res = await app.post(slashCommandRequest({ text, responseUrl: slack.responseUrl(id), userId }, app.sign));
  expect(res.status, text).toBe(200);
  return (await slack.responseTo(id)).body;
}

/** A click on a button, as `userId`; resolves with the private answer when `answered`, else once the request is acked. */
async function click(actionId: string, value: string, opts: { userId?: string; ts?: string; channelId?: string; answered?: boolean; blockId?: string } = {}) {
  const id = `click${++seq}`;
  const payload = blockActionPayload({ actionId, value, userId: opts.userId, responseUrl: slack.responseUrl(id), channelId: opts.channelId, blockId: opts.blockId, message: opts.ts ? { ts: opts.ts } : undefined });
  const res = await app.post(interactionRequest(payload, app.sign));
  expect(res.status, actionId).toBe(200);
  if (opts.answered === false) return undefined;
  return (await slack.responseTo(id)).body;
}

const escapedIn = (call: FakeCall) => JSON.stringify(call.body).includes('&lt;!here&gt;') || JSON.stringify(call.body).includes('&lt;!channel&gt;');

describe('hostile text through every message Leak sends', () => {
  it('the import loaded the free-text fields and quarantined the rest', () => {
    const { sqlite } = deps.store;
    expect(sqlite.prepare("SELECT count(*) FROM digital_call_leakage WHERE error_message LIKE '<!here>%'").pluck().get()).toBeGreaterThan(60);
    expect(sqlite.prepare("SELECT count(*) FROM quarantine WHERE raw_line LIKE '%<!here>%'").pluck().get()).toBeGreaterThanOrEqual(19);
  });

  it('every command answers, with its default arguments and with arguments that reach the hostile rows', async () => {
    const lines = [
      ...(await loadCommands()).filter((c) => runsIn(c, 'slack')).flatMap((c) => [c.name, `${c.name} --json`, `help ${c.name}`]),
      'help',
      `${H('unknown')} today`,
      'import /tmp/x.csv',
      `segments ${'<!here>&'.repeat(55)}`,
      `why ${H('journey')}`,
      'segments billing',
      `segments billing --date ${SPIKE_DAY}`,
      `why billing --date ${SPIKE_DAY}`,
      'savings billing',
      'actions billing',
      `impact billing --since ${SPIKE_DAY}`,
      'quarantine --limit 50',
      'alerts --all',
      `journey ${member(1)} --date ${SPIKE_DAY}`,
      `member ${member(1)}`,
      `member ${member(19)}`,
      `cube --by error_message --date ${SPIKE_DAY}`,
      `interactions --from ${SPIKE_DAY} --to 2026-11-24`,
      `note 2026-11-22 ${H('note')} --journey billing`,
      'note --list',
    ];
    for (const line of lines) {
      const answer = await leak(line);
      expect(answer.text, line).toBeTruthy();
    }
    const answers = slack.callsTo('response_url');
    expect(answers.filter(escapedIn).length).toBeGreaterThan(15);
    // An error that quotes what was typed (once a 3,602-character section Slack refused; arguments are now capped at 500).
    // Slack's markup in an argument is read as the words the person saw (<!here> as @here), escaped on the way out.
    expect(answers.some((c) => String(c.body.text).includes('Unknown journey "@here&amp;@here&amp;') && !c.refused), 'the error quoting the long argument arrived').toBe(true);
  });

  it('alerts of every rule, their buttons, feedback, "back to normal" and the noise proposal', async () => {
    await runAlertJobs(deps, app.service.app.client, Date.parse(NOW), { warn: () => undefined });
    const rules = new Set(listAlerts(deps.store, { status: 'all' }, Date.parse(NOW)).map((a) => a.rule));
    expect([...rules].sort()).toEqual(['agent_failed_rate', 'failed_interaction', 'leak_spike', 'long_interaction', 'member_failed_repeat']);
    const posts = slack.callsTo('chat.postMessage').filter((c) => c.body.channel === ALERTS);
    expect(posts.length).toBe(5);
    // Every rule but the member one (a member id cannot be hostile: the contract checks it) quotes planted text.
    expect(posts.filter(escapedIn).map((p) => p.body.blocks.at(-1).block_id)).toHaveLength(4);

    for (const a of listAlerts(deps.store, { status: 'all' }, Date.parse(NOW))) {
      if (!a.messageTs) continue;
      await click('alert_view', String(a.id), { ts: a.messageTs, channelId: ALERTS });
    }
    const spike = listAlerts(deps.store, { status: 'all', rule: 'leak_spike' }, Date.parse(NOW))[0];
    const failed = listAlerts(deps.store, { status: 'all', rule: 'failed_interaction' }, Date.parse(NOW))[0];
    for (const user of CLICKERS) await click('alert_fb_noise', String(failed.id), { userId: user, ts: failed.messageTs!, channelId: ALERTS });
    await click('alert_fb_useful', String(spike.id), { ts: spike.messageTs!, channelId: ALERTS });
    const updates = slack.callsTo('chat.update').length;
    await click('alert_ack', String(spike.id), { ts: spike.messageTs!, channelId: ALERTS, answered: false });
    await slack.waitFor('chat.update', updates + 1);

    // Two days on, Wednesday had no leaks: the spike is back to normal; the noisy rule gets its proposal.
    const later = Date.parse('2026-11-26T17:00:00Z');
    await runAlertJobs({ ...deps, now: () => later }, app.service.app.client, later, { warn: () => undefined });
    const thread = slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === spike.messageTs);
    expect(thread.map((c) => c.body.text).join('\n')).toMatch(/^Back to normal: billing/m);
    expect(slack.callsTo('chat.postMessage').some((c) => c.body.channel === ALERTS && /^:mega:/.test(c.body.text))).toBe(true);
  });

  it('tracked actions: created from Slack and the CLI, taken from a recommendation, clicked through, dismissed in the modal, reminded, measured', async () => {
    await leak(`action new billing "${H('title')}" --team "${H('team')}" --error "${H('error')}" --effort S`);
    const fromSlack = listActions(deps.store, {}).at(-1)!;
    expect(fromSlack.threadTs).toBeTruthy();
    await leak(`action dismiss A-${fromSlack.id} --reason "${H2('reason')}"`);

    // A recommendation from /leak actions, taken with its own button (its value is what the answer carried).
    const answer = await leak('actions billing');
    const take = (answer.blocks as any[]).flatMap((b) => b.elements ?? []).find((e: any) => String(e.action_id).startsWith('action_take'));
    await click(take.action_id, take.value, { channelId: CHANNEL.id });
    const taken = listActions(deps.store, {}).at(-1)!;
    expect(taken.title).toContain('<!channel>');
    await click('tracked_start', `${taken.id}:${taken.version}`, { ts: taken.threadTs!, answered: false });
    await slack.waitForCall((c) => c.method === 'chat.postMessage' && c.body.thread_ts === taken.threadTs && /started work/.test(c.body.text), 'the start reply');
    // A stale click: refused privately, with the owner mentioned.
    await click('tracked_take', `${taken.id}:1`, { ts: taken.threadTs!, userId: CLICKERS[0] });

    // A CLI action, posted by the hourly job into LEAK_ACTIONS_CHANNEL, reminded two business days on, then shipped and measured.
    const cli = (argv: string[]) => {
      const inv = parseCommandArgs(actionCommand, argv, deps);
      return inv.cmd.run(inv.args, deps);
    };
    await cli(['new', 'billing', H('cli-title'), '--team', H('cli-team'), '--error', ERR]);
    const fromCli = listActions(deps.store, {}).at(-1)!;
    await runActionJobs(deps, app.service.app.client, Date.parse(NOW), { warn: () => undefined });
    const reminderAt = Date.parse('2026-11-27T17:00:00Z');
    await runActionJobs({ ...deps, now: () => reminderAt }, app.service.app.client, reminderAt, { warn: () => undefined });
    const posted = getAction(deps.store, fromCli.id)!;
    const thread = () => slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === posted.threadTs).map((c) => String(c.body.text));
    expect(thread().some((t) => t.startsWith('Reminder:'))).toBe(true);

    // The modal: opened from Dismiss, submitted with a hostile reason.
    const modalAction = getAction(deps.store, taken.id)!;
    const opens = slack.callsTo('views.open').length;
    await click('tracked_dismiss', `${modalAction.id}:${modalAction.version}`, { ts: modalAction.threadTs!, answered: false });
    const [open] = (await slack.waitFor('views.open', opens + 1)).slice(-1);
    expect(escapedIn(open)).toBe(true);
    const submit = {
      type: 'view_submission',
      team: { id: 'T0TEAM001', domain: 'leak-test' },
      user: { id: CLICKERS[1], username: 'c', name: 'c', team_id: 'T0TEAM001' },
      api_app_id: 'A0LEAKAPP',
      token: 'x',
      trigger_id: '1.2.3',
      view: { ...open.body.view, id: 'V1', state: { values: { reason: { reason: { type: 'plain_text_input', value: H('dismissed') } } } } },
    };
    expect((await app.post(interactionRequest(submit, app.sign))).status).toBe(200);
    await slack.waitForCall((c) => c.method === 'chat.postMessage' && c.body.thread_ts === modalAction.threadTs && /dismissed/.test(c.body.text), 'the dismissal reply');

    await cli(['ack', `A-${fromCli.id}`, '--by', H('by')]);
    await cli(['ship', `A-${fromCli.id}`, '--ship-date', '2026-11-09']);
    await runActionJobs(deps, app.service.app.client, Date.parse(NOW), { warn: () => undefined });
    expect(thread().some((t) => /outcome/i.test(t))).toBe(true);
  });

  it('the Home tab, a mention, the run and share buttons', async () => {
    const publishes = slack.callsTo('views.publish').length;
    await app.post(eventRequest(eventEnvelope(appHomeOpenedEvent()), app.sign));
    const [home] = (await slack.waitFor('views.publish', publishes + 1)).slice(-1);
    expect(escapedIn(home)).toBe(true);

    const mention = appMentionEvent(`<@U0LEAKBOT> why billing --date ${SPIKE_DAY}`, { ts: '1764000000.000900' });
    await app.post(eventRequest(eventEnvelope(mention), app.sign));
    expect(escapedIn(await slack.waitForCall((c) => c.method === 'chat.postMessage' && c.body.thread_ts === '1764000000.000900', 'the mention answer'))).toBe(true);

    expect(escapedIn({ body: await click('leak_run:why', `why billing --date ${SPIKE_DAY}`) } as FakeCall)).toBe(true);
    const shares = slack.callsTo('chat.postMessage').length;
    await click('leak_share', `why billing --date ${SPIKE_DAY}`, { answered: false });
    const [shared] = (await slack.waitFor('chat.postMessage', shares + 1)).slice(-1);
    expect(JSON.stringify(shared.body)).toContain('&lt;!here&gt;');
    // A shared line with a planted argument is refused to the person who clicked, never posted in the channel.
    const refused = await click('leak_share', `segments billing --date ${SPIKE_DAY} ${H('share')}`);
    expect(String(refused?.text)).toMatch(/^Unexpected argument/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(shares + 1);
  });

  it('event-log messages quarantined whole (an unknown subject, not JSON, a wrong shape, the other source), as /leak quarantine shows them', async () => {
    const bytes = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
    const key = { stream: 'LEAK', consumer: 'hostile', created: '2026-11-24T00:00:00Z', prefix: 'leak' };
    const r = applyMessages(deps.store, key, [
      { seq: 1, subject: `leak.${H('subject')}`, data: bytes('{}') },
      { seq: 2, subject: 'leak.calls', data: bytes(`not json ${H('json')}`) },
      { seq: 3, subject: 'leak.calls', data: bytes({ rows: [[2, H('shape')]], v: 1, source: 'csv', file: H('file'), header: 7 }) },
      { seq: 4, subject: 'leak.calls', data: bytes({ v: 1, source: 'simulator', file: `${H('sim')}.csv`, header: 'call_id,member_id', rows: [[2, H('row')]] }) },
    ]);
    expect(r.badMessages).toBe(4);
    const answer = await leak('quarantine --limit 1000');
    for (const tag of ['subject', 'json', 'shape', 'sim']) expect(JSON.stringify(answer), tag).toContain(`&lt;!here&gt;&lt;@U123&gt;&lt;https://evil.example|click&gt;&amp;amp;*b*${tag}`);
  });

  it('questions in words: /leak, a mention, a DM, a clarifying choice, the controls under an answer (a crafted journey too) and 👍', async () => {
    // Tags are letters: "q1" would be read as a quarter, a date outside the store.
    const asked = await leak(`why is billing leaking ${H('qa')}?`);
    expect(JSON.stringify(asked.blocks)).toContain('Understood as');
    await leak(`ask ${H('qb')}`);
    // Asked by someone with no conversation yet, so the words alone decide (and the choice teaches them).
    const clarify = await leak(`what is the cost of billing ${H('qc')}`, CLICKERS[2]);
    const choice = (clarify.blocks as any[]).flatMap((b) => b.elements ?? []).find((e: any) => String(e.action_id).startsWith('leak_ask_choice'));
    expect(choice, JSON.stringify(clarify).slice(0, 300)).toBeTruthy();
    const chosen = await click(choice.action_id, choice.value, { userId: CLICKERS[2] });
    expect(JSON.stringify(chosen)).toContain('&lt;!here&gt;');

    const mentioned = appMentionEvent(`<@U0LEAKBOT> who is billing hurting ${H('qd')}`, { ts: '1764000000.000950' });
    await app.post(eventRequest(eventEnvelope(mentioned), app.sign));
    await slack.waitForCall((c) => c.method === 'chat.postMessage' && c.body.thread_ts === '1764000000.000950', 'the asked mention');
    await app.post(eventRequest(eventEnvelope(imMessageEvent(`show me the impact ${H('qe')}`, { channelId: 'D0HOSTILE1' })), app.sign));
    await slack.waitForCall((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0HOSTILE1', 'the asked DM');

    // The journey menu under the first answer, its value crafted; then 👍 on a question that does not exist.
    const menu = (asked.blocks as any[]).find((b) => String(b.block_id).startsWith('leak_ask:'));
    const id = `menu${++seq}`;
    const payload = blockActionPayload({ actionId: 'leak_ask_journey', value: '', blockId: menu.block_id, responseUrl: slack.responseUrl(id) });
    (payload.actions as Record<string, unknown>[])[0] = { action_id: 'leak_ask_journey', block_id: menu.block_id, type: 'static_select', selected_option: { value: `${H('menu')} <fix> a>b & c` } };
    expect((await app.post(interactionRequest(payload, app.sign))).status).toBe(200);
    await slack.responseTo(id);
    await click('leak_ask_up', H('vote'));
  });

  it('the digest, both views', async () => {
    const renderer = createChartRenderer();
    for (const role of ['ops', 'exec'] as const) {
      const r = await postDigest(deps, app.service.app.client, { target: { channel: `${DIGEST}${role === 'ops' ? '' : '2'}`, role, cron: 'manual' }, date: SPIKE_DAY, renderer });
      expect(r.outcome, r.problem).toBe('posted');
    }
    const digests = slack.callsTo('chat.postMessage').filter((c) => String(c.body.channel).startsWith(DIGEST));
    expect(digests.map(escapedIn)).toEqual([true, true]);
  }, 60_000);

  it('no message carries markup from data: only Leak’s own mentions, every & an entity, nothing Slack would refuse', () => {
    const sent = slack.calls.filter((c) => ['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'views.publish', 'views.open', 'views.update', 'response_url', 'files.completeUploadExternal'].includes(c.method));
    expect(sent.length).toBeGreaterThan(100);
    const problems = sent.flatMap((c) => markupProblems(c).map((p) => `${c.method} ${c.body.channel ?? c.id ?? ''}: ${p}`));
    expect(problems).toEqual([]);
    expect(slack.refusals().map((c) => `${c.method}: ${c.refused!.error} ${c.refused!.detail}`)).toEqual([]);
  });
});

/** The mrkdwn strings of a call: its text fallback, initial comment, and every mrkdwn text object in its blocks or view. */
function mrkdwnTexts(call: FakeCall): { mrkdwn: string[]; plain: string[] } {
  const out = { mrkdwn: [] as string[], plain: [] as string[] };
  for (const key of ['text', 'initial_comment'] as const) if (typeof call.body[key] === 'string') out.mrkdwn.push(call.body[key]);
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'mrkdwn' && typeof o.text === 'string') out.mrkdwn.push(o.text);
    if (o.type === 'plain_text' && typeof o.text === 'string') out.plain.push(o.text);
    for (const [k, child] of Object.entries(o)) if (k !== 'value' && k !== 'private_metadata') walk(child);
  };
  walk(call.body.blocks);
  walk(call.body.view);
  return out;
}

function markupProblems(call: FakeCall): string[] {
  const problems: string[] = [];
  const { mrkdwn, plain } = mrkdwnTexts(call);
  for (const text of mrkdwn) {
    for (const m of text.matchAll(/<([^>]*)>?/g)) {
      const token = m[1];
      const ok = m[0].endsWith('>') && ((token.startsWith('@') && KNOWN_USERS.has(token.slice(1))) || (token.startsWith('#') && KNOWN_CHANNELS.has(token.slice(1))));
      if (!ok) problems.push(`markup ${JSON.stringify(m[0].slice(0, 60))} in ${JSON.stringify(text.slice(Math.max(0, m.index! - 30), m.index! + 60))}`);
    }
    const stray = text.replace(/<[@#][A-Z0-9]+>/g, '').match(/>|&(?!amp;|lt;|gt;)/);
    if (stray) problems.push(`unescaped ${JSON.stringify(stray[0])} in ${JSON.stringify(text.slice(Math.max(0, stray.index! - 30), stray.index! + 30))}`);
  }
  // plain_text is shown as written: escaping it would show the entities.
  for (const text of plain) if (/&lt;|&gt;/.test(text)) problems.push(`escaped plain_text ${JSON.stringify(text.slice(0, 60))}`);
  return problems;
}
