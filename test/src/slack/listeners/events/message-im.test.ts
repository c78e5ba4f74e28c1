/** A direct message to Leak: a question answered in the DM, follow-ups keeping its subject; edits and bot messages ignored. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../../../../helpers/fake-slack.ts';
import type { StartedApp } from '../../../../helpers/start-app.ts';
import { eventEnvelope, eventRequest, imMessageEvent } from '../../../../helpers/slack-request.ts';
import { useSeededApp } from '../../seed.ts';
import { dm, nextTs, understoodOf } from '../../ask/ask-app.ts';

const handles = useSeededApp();
let slack: FakeSlack;
let app: StartedApp;
beforeAll(() => ({ slack, app } = handles));

describe('message.im', () => {
  it('answers a question in the DM and keeps the conversation\'s subject for the next one', async () => {
    const first = await dm(app, slack, 'whats braking right now');
    expect(first.channel).toBe('D0LEAKDM1');
    expect(first.thread_ts).toBeUndefined();
    expect(understoodOf(first)).toBe('today --date 2026-11-24');
    expect(first.text).toMatch(/^Your single biggest leak today is billing: 3 calls/);
    expect(understoodOf(await dm(app, slack, 'who is it hurting?'))).toBe('segments billing --date 2026-11-24');
    // Another person's DM is another conversation.
    expect((await dm(app, slack, 'who is it hurting?', { channelId: 'D0OTHERDM' })).text).toMatch(/^Which journey\?/);
  });

  it('answers in the DM thread when asked in one, and runs a command line too', async () => {
    const root = nextTs();
    const reply = await dm(app, slack, 'today', { threadTs: root });
    expect(reply.thread_ts).toBe(root);
    expect(understoodOf(reply)).toBeUndefined();
    expect(reply.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Leakage today (2026-11-24)' } });
  });

  it('ignores edits, deletions and messages from bots (its own answers among them), answering only the next real message', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const ignored = [
      imMessageEvent('whats breaking', { extra: { subtype: 'message_changed' } }),
      imMessageEvent('whats breaking', { extra: { subtype: 'message_deleted' } }),
      imMessageEvent('whats breaking', { userId: 'U0LEAKBOT', extra: { bot_id: 'B0LEAKBOT' } }),
      imMessageEvent('whats breaking', { userId: 'U0OTHERBOT', extra: { bot_id: 'B0OTHERBOT' } }),
      imMessageEvent('whats breaking', { extra: { channel_type: 'channel', channel: 'C0LEAKS01' } }),
    ];
    for (const e of ignored) expect((await app.post(eventRequest(eventEnvelope(e), app.sign))).status).toBe(200);
    const answered = await dm(app, slack, 'why is billing leaking');
    expect(understoodOf(answered)).toBe('why billing --date 2026-11-24');
    expect(slack.callsTo('chat.postMessage').length).toBe(before + 1);
  });
});
