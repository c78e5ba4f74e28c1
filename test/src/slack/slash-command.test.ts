/** /leak over real HTTP through Bolt's receiver, answered via the response URL on a fake Slack. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../../helpers/fake-slack.ts';
import type { StartedApp } from '../../helpers/start-app.ts';
import { slashCommandRequest } from '../../helpers/slack-request.ts';
import { makeDeps } from '../../helpers/store.ts';
import { tempDir } from '../../helpers/csv.ts';
import { NOW, seedLeaks, useSeededApp } from './seed.ts';

const handles = useSeededApp();
let slack: FakeSlack;
let app: StartedApp;
beforeAll(() => ({ slack, app } = handles));

/** Sends `/leak <text>` and returns the ack and the response_url post it caused. */
async function leak(text: string) {
  const id = `r-${Math.random().toString(36).slice(2)}`;
  const res = await app.post(slashCommandRequest({ text, responseUrl: slack.responseUrl(id) }, app.sign));
  const reply = await slack.responseTo(id);
  return { res, reply: reply.body as { response_type: string; text: string; blocks: any[] } | undefined };
}

const allText = (blocks: any[]) => JSON.stringify(blocks);

describe('/leak', () => {
  it('acks a signed /leak today without waiting for its answer, then posts Block Kit to the response URL', async () => {
    // The answer's post is held in flight: the ack must arrive anyway (how fast is the bench's figure).
    const release = slack.holdNext('response_url');
    const id = 'held-today';
    const res = await app.post(slashCommandRequest({ text: 'today', responseUrl: slack.responseUrl(id) }, app.sign));
    release();
    expect(res.status).toBe(200);
    const reply = (await slack.responseTo(id)).body as { response_type: string; text: string; blocks: any[] };
    expect(reply?.response_type).toBe('ephemeral');
    expect(reply?.text).toBe('Your single biggest leak today is billing: 3 calls, $24, and it\'s spiking (+200.0% vs 7-day average, +200.0% vs last Tuesday).');
    expect(reply?.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Leakage today (2026-11-24)' } });
    const billing = reply!.blocks.find((b) => b.block_id === 'journey:billing');
    expect(billing.fields[0].text).toBe('*billing*\n3 calls · $24');
    const share = reply!.blocks.find((b) => b.block_id === 'leak_share');
    expect(share.elements[0]).toMatchObject({ action_id: 'leak_share', value: 'today --date 2026-11-24' });
    // The seeded store's newest call today is at 10:05 (it is 12:00): counted that far, and said so.
    expect(allText(reply!.blocks)).toContain('through 10:05 America/New_York');
    expect(allText(reply!.blocks)).toContain('No new data since 10:05 (now 12:00)');
  });

  it('offers "Who is affected?" and "Why?" per journey, running segments and why for that day', async () => {
    const { reply } = await leak('today');
    const next = reply!.blocks.find((b) => b.block_id === 'next:billing');
    expect(next.elements.map((e: any) => [e.text.text, e.value])).toEqual([
      ['Who is affected?', 'segments billing --date 2026-11-24'],
      ['Why?', 'why billing --date 2026-11-24'],
    ]);
  });

  it('answers a member that does not exist with one friendly line', async () => {
    const { res, reply } = await leak('member M-999999');
    expect(res.status).toBe(200);
    expect(reply?.text).toBe('No member M-999999 found.');
    expect(reply?.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: ':warning: No member M-999999 found.', verbatim: true } }]);
  });

  it('links member ids to their journey playback', async () => {
    const { reply } = await leak('member m100002');
    const links = reply!.blocks.find((b) => b.block_id === 'member_journeys');
    expect(links.elements[0]).toMatchObject({ text: { text: 'Journey M-100002' }, value: 'journey M-100002' });
  });

  it('suggests the closest command for an unknown subcommand', async () => {
    const { res, reply } = await leak('tody');
    expect(res.status).toBe(200);
    expect(reply?.text).toBe('I don\'t know "tody". Did you mean /leak today?');
    expect(allText(reply!.blocks)).toContain('"value":"today"');
    expect(allText(reply!.blocks)).toContain('/leak today');
  });

  it('answers help from the registry', async () => {
    const { reply } = await leak('help');
    expect(reply?.text).toBe('Leak commands');
    expect(allText(reply!.blocks)).toContain('`/leak today`');
    expect(allText(reply!.blocks)).not.toContain('/leak import');
  });

  it('turns a bad argument into one friendly line, no stack', async () => {
    const { reply } = await leak('today --date 24/11/2026');
    expect(reply?.text).toBe('--date "24/11/2026" is not a date written YYYY-MM-DD, e.g. 2026-11-20.');
    expect(reply?.blocks).toHaveLength(1);
  });

  it('keeps CLI-only commands out of Slack', async () => {
    const { reply } = await leak('import members /etc/passwd');
    expect(reply?.text).toBe('import works in the terminal only, since it reads or writes files on the server: npm run -s leak -- import --help');
  });

  it('keeps export and simulate in the terminal too, in the same one line, and writes nothing', async () => {
    const out = path.join(tempDir(), 'export');
    const exported = await leak(`export --out ${out}`);
    expect(exported.reply?.text).toBe('export works in the terminal only, since it reads or writes files on the server: npm run -s leak -- export --help');
    expect(fs.existsSync(out)).toBe(false);
    const batches = () => app.deps.store.sqlite.prepare('SELECT count(*) FROM import_batches').pluck().get();
    const before = batches();
    const simulated = await leak('simulate --days 1 --scale 0.001');
    expect(simulated.reply?.text).toBe('simulate works in the terminal only, since it writes a simulated history into the store on the server: npm run -s leak -- simulate --help');
    expect(batches()).toBe(before);
    // Help does not offer them either.
    const help = allText((await leak('help')).reply!.blocks);
    for (const name of ['export', 'simulate', 'digest']) expect(help).not.toContain(`/leak ${name}`);
  });

  it('checked the bot token once at start, not on every request', () => {
    expect(slack.callsTo('response_url').length).toBeGreaterThan(5);
    expect(slack.callsTo('auth.test')).toHaveLength(1);
  });
});
