/** Every request is verified: bad or stale signatures (either direction in time) get 401 and touch nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { startApp, type StartedApp } from '../../helpers/start-app.ts';
import { appMentionEvent, eventEnvelope, eventRequest, signatureFor, slashCommandRequest } from '../../helpers/slack-request.ts';
import { isTimestampFresh } from '../../../src/slack/receiver.ts';

let slack: FakeSlack;
let app: StartedApp;

beforeAll(async () => {
  slack = await startFakeSlack();
  app = await startApp({ slack });
  await slack.waitFor('auth.test');
});
afterAll(async () => {
  await app?.stop();
  await slack?.close();
});

const nowSec = () => Math.floor(Date.now() / 1000);
const callsBeyondAuth = () => slack.calls.filter((c) => c.method !== 'auth.test');
let markers = 0;
/** A correctly signed request sent after and answered: anything the refused one started would have shown by then. */
async function answeredAfter(): Promise<void> {
  const id = `marker-${++markers}`;
  await app.post(slashCommandRequest({ text: 'help', responseUrl: slack.responseUrl(id) }, app.sign));
  await slack.responseTo(id);
}

describe('request verification', () => {
  it('accepts a correctly signed request (control)', async () => {
    const res = await app.post(slashCommandRequest({ text: 'help', responseUrl: slack.responseUrl('ok') }, app.sign));
    expect(res.status).toBe(200);
    await slack.responseTo('ok');
  });

  const refused: [string, () => ReturnType<typeof slashCommandRequest>][] = [
    ['a signature made with another secret', () => slashCommandRequest({ text: 'today', responseUrl: slack.responseUrl('bad') }, { secret: 'not-the-secret' })],
    [
      'a body changed after signing',
      () => {
        const req = slashCommandRequest({ text: 'today', responseUrl: slack.responseUrl('tampered') }, app.sign);
        return { ...req, body: req.body.replace('text=today', 'text=help') };
      },
    ],
    ['a timestamp 6 minutes old', () => slashCommandRequest({ text: 'today', responseUrl: slack.responseUrl('stale') }, { ...app.sign, timestamp: nowSec() - 360 })],
    ['a timestamp 6 minutes in the future', () => slashCommandRequest({ text: 'today', responseUrl: slack.responseUrl('future') }, { ...app.sign, timestamp: nowSec() + 360 })],
    ['a timestamp an hour in the future', () => slashCommandRequest({ text: 'today', responseUrl: slack.responseUrl('future2') }, { ...app.sign, timestamp: nowSec() + 3600 })],
    [
      'no signature headers',
      () => {
        const req = slashCommandRequest({ text: 'today', responseUrl: slack.responseUrl('none') }, app.sign);
        return { body: req.body, headers: { 'content-type': req.headers['content-type'] } };
      },
    ],
  ];

  for (const [what, build] of refused) {
    it(`answers 401 to ${what} and calls nothing`, async () => {
      const before = callsBeyondAuth().length;
      const res = await app.post(build());
      expect(res.status).toBe(401);
      await answeredAfter();
      expect(callsBeyondAuth().length).toBe(before + 1);
    });
  }

  it('refuses a stale event and does not record its event_id', async () => {
    const envelope = eventEnvelope(appMentionEvent('<@U0LEAKBOT> today'), 'EvSTALE1');
    const res = await app.post(eventRequest(envelope, { ...app.sign, timestamp: nowSec() - 301 - 5 }));
    expect(res.status).toBe(401);
    expect(app.deps.store.sqlite.prepare("SELECT count(*) AS n FROM slack_events WHERE event_id = 'EvSTALE1'").get()).toEqual({ n: 0 });
  });

  it('uses a window of 5 minutes each way', () => {
    const now = 1_800_000_000_000;
    expect(isTimestampFresh(String(now / 1000 - 300), now)).toBe(true);
    expect(isTimestampFresh(String(now / 1000 + 300), now)).toBe(true);
    expect(isTimestampFresh(String(now / 1000 - 301), now)).toBe(false);
    expect(isTimestampFresh(String(now / 1000 + 301), now)).toBe(false);
    expect(isTimestampFresh('12abc', now)).toBe(false);
    expect(isTimestampFresh(undefined, now)).toBe(false);
    expect(signatureFor('x', 1, 'a')).not.toBe(signatureFor('x', 2, 'a'));
  });
});
