/**
 * Members' personal details (name, birth year, state, enrolment date) in Slack: hidden by default,
 * shown in a private answer to people in LEAK_PII_USERS (ids, or members of a listed user group,
 * looked up through usergroups.users.list and cached), never in anything posted to a channel
 * (Share, mentions) unless LEAK_SHOW_PII=true. The terminal is unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { startApp, type StartedApp } from '../../helpers/start-app.ts';
import { appMentionEvent, blockActionPayload, eventEnvelope, eventRequest, interactionRequest, slashCommandRequest } from '../../helpers/slack-request.ts';
import { makeDeps } from '../../helpers/store.ts';
import { callRow, eventRow, load } from '../../helpers/leak-fixture.ts';
import { MEMBER_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { applyMessages } from '../../../src/stream/apply-messages.ts';
import { invoke, renderText } from '../../helpers/invoke.ts';
import type { Context } from '../../../src/context.ts';
import { click, elementOf, mention, nextTs, slash, understoodOf, type Reply } from './ask/ask-app.ts';

const NOW = '2026-11-24T17:00:00Z';
const PERSONAL = ['Rosa Alvarez', '1950', 'FL', '2025-01-01'];
const VIEWER = 'U0PRIV0001';
const IN_GROUP = 'U0GROUP001';
const GROUP = 'S0PRIVACY1';

async function seed(deps: Context) {
  await importCsvFile(deps.store, 'members', writeCsv(tempDir(), 'members.csv', `${MEMBER_HEADER},name`, ['M-100001,MAPD,2025-01-01,es,1950,FL,Rosa Alvarez']));
  await load(deps, {
    digital: [
      eventRow({ id: 'e0', member: 'M-100001', ts: '2026-11-23T14:00:00Z', outcome: 'error', journey: 'billing', error: 'Payment failed' }),
      eventRow({ id: 'e1', member: 'M-100001', ts: '2026-11-24T14:00:00Z', outcome: 'error', journey: 'billing', error: 'Payment failed' }),
    ],
    calls: [callRow({ id: 'c0', member: 'M-100001', start: '2026-11-23T14:10:00Z' }), callRow({ id: 'c1', member: 'M-100001', start: '2026-11-24T14:10:00Z' })],
  });
}

async function startWith(env: Record<string, string>) {
  const slack = await startFakeSlack();
  slack.directory.groups[GROUP] = [IN_GROUP];
  const deps = makeDeps({ now: NOW });
  await seed(deps);
  const app = await startApp({ slack, deps, env });
  return { slack, app };
}

let seq = 0;
async function ask(s: { slack: FakeSlack; app: StartedApp }, text: string, userId?: string) {
  const id = `q${++seq}`;
  await s.app.post(slashCommandRequest({ text, userId, responseUrl: s.slack.responseUrl(id) }, s.app.sign));
  await s.slack.responseTo(id);
  return JSON.stringify(s.slack.callsTo('response_url').find((c) => c.id === id)!.body);
}

/** The previous-day button of an asked answer, clicked where the answer is (a thread message, or a private /leak answer). */
const previousDay = (s: { slack: FakeSlack; app: StartedApp }, reply: Reply, on: { ephemeral?: boolean; userId?: string } = {}) => {
  const prev = elementOf(reply, 'leak_ask_day');
  return click(s.app, s.slack, { reply, ephemeral: on.ephemeral, userId: on.userId }, { action_id: prev.element.action_id, block_id: prev.block_id, value: prev.element.value });
};

const expectHidden = (answer: string) => {
  for (const detail of PERSONAL) expect(answer).not.toContain(detail);
};
const expectShown = (answer: string) => {
  for (const detail of PERSONAL) expect(answer).toContain(detail);
};

describe('default settings (LEAK_PII_USERS lists two people)', () => {
  let s: { slack: FakeSlack; app: StartedApp };
  beforeAll(async () => (s = await startWith({ LEAK_PII_USERS: `${VIEWER},${GROUP}` })));
  afterAll(async () => {
    await s.app.stop();
    await s.slack.close();
  });

  it('member and journey show the id, plan/segment, language, tenure and timeline, not name, birth year, state or enrolment date', async () => {
    const member = await ask(s, 'member M-100001');
    expectHidden(member);
    expect(member).toContain('M-100001 · MAPD Tenured · Spanish');
    expect(member).toContain('Plan MAPD, member for 22 months');
    expect(member).toContain('Name, birth year, state and enrolment date are left out here; the people in LEAK_PII_USERS see them in their private answers.');
    const journey = await ask(s, 'journey M-100001');
    expectHidden(journey);
    expect(journey).toContain('Payment failed');
  });

  it('--json leaves them out too, and says which', async () => {
    const json = await ask(s, 'member M-100001 --json');
    expectHidden(json);
    expect(json).toContain('\\"hidden\\": [\\n');
    expect(json).toContain('\\"tenure_months\\": 22');
  });

  it('a person listed by id sees them in a private answer; the Share button re-runs it without them', async () => {
    const answer = await ask(s, 'member M-100001', VIEWER);
    expectShown(answer);
    const share = JSON.parse(answer).blocks.find((b: { block_id?: string }) => b.block_id === 'leak_share').elements[0].value;
    const before = s.slack.callsTo('chat.postMessage').length;
    await s.app.post(interactionRequest(blockActionPayload({ actionId: 'leak_share', value: share, userId: VIEWER, responseUrl: s.slack.responseUrl() }), s.app.sign));
    const post = (await s.slack.waitFor('chat.postMessage', before + 1))[before];
    const posted = JSON.stringify(post.body);
    expect(posted).toContain('M-100001');
    expectHidden(posted);
  });

  it('a member of a listed user group sees them, and the group is looked up once for a burst of requests', async () => {
    const lookups = () => s.slack.callsTo('usergroups.users.list').filter((c) => c.body.usergroup === GROUP).length;
    expectShown(await ask(s, 'member M-100001', IN_GROUP));
    // The journey's heading names the person and their state (no birth year or enrolment date to show).
    expect(await ask(s, 'journey M-100001', IN_GROUP)).toContain('Rosa Alvarez · MAPD Tenured · Spanish · 75+ · FL');
    expectHidden(await ask(s, 'member M-100001', 'U0OUTSIDE1'));
    // Every request in this file asked about the group; Slack was asked once (cached for minutes).
    expect(lookups()).toBe(1);
  });

  it('a "Journey M-…" run button answers privately, so by who clicked', async () => {
    const click = async (userId: string) => {
      const id = `run${++seq}`;
      await s.app.post(interactionRequest(blockActionPayload({ actionId: 'leak_run:journey', value: 'journey M-100001', userId, responseUrl: s.slack.responseUrl(id) }), s.app.sign));
      await s.slack.responseTo(id);
      return JSON.stringify(s.slack.callsTo('response_url').find((c) => c.id === id)!.body);
    };
    expect(await click(VIEWER)).toContain('Rosa Alvarez');
    expect(await click('U0OUTSIDE1')).not.toContain('Rosa Alvarez');
  });

  it('a mention is answered in the channel, so never with them, even for a listed person', async () => {
    const before = s.slack.callsTo('chat.postMessage').length;
    await s.app.post(eventRequest(eventEnvelope(appMentionEvent('<@U0LEAKBOT> member M-100001', { userId: VIEWER })), s.app.sign));
    const post = (await s.slack.waitFor('chat.postMessage', before + 1))[before];
    expect(JSON.stringify(post.body)).toContain('M-100001');
    expectHidden(JSON.stringify(post.body));
  });

  it('a question answered in a thread keeps them out when its day is changed in place, even for a listed person', async () => {
    const asked = await mention(s.app, s.slack, "show me M-100001's journey", { ts: nextTs(), userId: VIEWER });
    expect(understoodOf(asked)).toBe('member M-100001 --date 2026-11-24');
    expectHidden(JSON.stringify(asked));
    // The day before, re-run by the controls under the answer: still the channel's answer, whoever clicks.
    const changed = await previousDay(s, asked, { userId: VIEWER });
    expect(understoodOf(changed)).toBe('member M-100001 --date 2026-11-23');
    expect(JSON.stringify(changed)).toContain('M-100001');
    expectHidden(JSON.stringify(changed));
  });

  it('a private asked answer changed in place shows them to a listed person only, as the typed answer did', async () => {
    const mine = await slash(s.app, s.slack, "show me M-100001's journey", VIEWER);
    expectShown(JSON.stringify(mine));
    expectShown(JSON.stringify(await previousDay(s, mine, { ephemeral: true, userId: VIEWER })));
    const theirs = await slash(s.app, s.slack, "show me M-100001's journey", 'U0OUTSIDE1');
    expectHidden(JSON.stringify(theirs));
    expectHidden(JSON.stringify(await previousDay(s, theirs, { ephemeral: true, userId: 'U0OUTSIDE1' })));
  });

  it('quarantined members.csv rows (CSV or event log) show their file, line and reason, not the row\'s text or a personal value the reason quotes', async () => {
    const deps = s.app.deps;
    await importCsvFile(deps.store, 'members', writeCsv(tempDir(), 'members-bad.csv', `${MEMBER_HEADER},name`, ['M-100002,NOPLAN,2025-01-01,en,1944,TX,Jane Quarantine', 'M-100003,MAPD,2025-01-01,en,19x4,TX,Jim Quarantine']));
    // Simulated rows sent to a store of real data: quarantined whole, the message's text kept.
    const message = { v: 1, source: 'simulator', file: 'members-streamed.csv', header: `${MEMBER_HEADER},name`, rows: [[2, 'M-100004,MAPD,2025-01-01,en,1933,TX,Joan Quarantine']] };
    applyMessages(deps.store, { stream: 'LEAK', consumer: 'pii', created: '2026-11-24T00:00:00Z', prefix: 'leak' }, [{ seq: 1, subject: 'leak.members', data: new TextEncoder().encode(JSON.stringify(message)) }]);
    const quarantined = ['Jane Quarantine', 'Jim Quarantine', 'Joan Quarantine', '1944', '19x4', 'TX'];
    for (const line of ['quarantine', 'quarantine --json']) {
      const answer = await ask(s, line);
      expect(answer).toContain('members-bad.csv');
      expect(answer).toContain('NOPLAN');
      expect(answer).toContain('birth_year (value left out) must be a four-digit year');
      for (const detail of quarantined) expect(answer, `${line}: ${detail}`).not.toContain(detail);
      // A listed person sees the rows whole in a private answer, as the terminal does (the text cuts a line at 100 characters).
      const theirs = await ask(s, line, VIEWER);
      for (const detail of line.endsWith('--json') ? quarantined : quarantined.slice(0, 2)) expect(theirs, `${line}: ${detail}`).toContain(detail);
    }
    const mentioned = await mention(s.app, s.slack, 'quarantine', { userId: VIEWER });
    for (const detail of quarantined) expect(JSON.stringify(mentioned), detail).not.toContain(detail);
    const text = await renderText(deps, ['quarantine'], await invoke(deps, ['quarantine']));
    for (const detail of quarantined.slice(0, 2)) expect(text).toContain(detail);
  });

  it('the terminal, run on the server, still shows them', async () => {
    const deps = makeDeps({ now: NOW });
    await seed(deps);
    const text = await renderText(deps, ['member'], await invoke(deps, ['member', 'M-100001']));
    expectShown(text);
  });
});

describe('LEAK_SHOW_PII=true', () => {
  it('shows them to everyone, shared answers included', async () => {
    const s = await startWith({ LEAK_SHOW_PII: 'true' });
    try {
      expectShown(await ask(s, 'member M-100001', 'U0ANYONE01'));
      await s.app.post(interactionRequest(blockActionPayload({ actionId: 'leak_share', value: 'member M-100001 --date 2026-11-24', responseUrl: s.slack.responseUrl() }), s.app.sign));
      const [post] = await s.slack.waitFor('chat.postMessage');
      expectShown(JSON.stringify(post.body));
    } finally {
      await s.app.stop();
      await s.slack.close();
    }
  });
});
