/**
 * Asking Leak through the real app: a mention, a DM, /leak and clicks, each resolved once the reply
 * reached the fake Slack (waited on, never slept on). Replies are the bodies Slack received.
 */
import type { FakeSlack } from '../../../helpers/fake-slack.ts';
import type { StartedApp } from '../../../helpers/start-app.ts';
import { appMentionEvent, blockActionPayload, eventEnvelope, eventRequest, imMessageEvent, interactionRequest, slashCommandRequest } from '../../../helpers/slack-request.ts';

export type Reply = { text: string; blocks: any[]; channel?: string; thread_ts?: string; ts?: string; replace_original?: boolean; response_type?: string };

let seq = 0;
export const nextTs = () => `1764000${String(++seq).padStart(3, '0')}.000100`;

async function posted(slack: FakeSlack, method: string, send: () => Promise<unknown>): Promise<Reply> {
  const before = slack.callsTo(method).length;
  await send();
  return (await slack.waitFor(method, before + 1))[before].body as Reply;
}

export const mention = (app: StartedApp, slack: FakeSlack, text: string, opts: { ts?: string; threadTs?: string; userId?: string } = {}) =>
  posted(slack, 'chat.postMessage', () =>
    app.post(eventRequest(eventEnvelope(appMentionEvent(`<@U0LEAKBOT> ${text}`, { ts: opts.ts ?? nextTs(), threadTs: opts.threadTs, userId: opts.userId })), app.sign)),
  );

export const dm = (app: StartedApp, slack: FakeSlack, text: string, opts: { threadTs?: string; channelId?: string } = {}) =>
  posted(slack, 'chat.postMessage', () => app.post(eventRequest(eventEnvelope(imMessageEvent(text, { ts: nextTs(), ...opts })), app.sign)));

/** `/leak <text>`; a person's /leak questions in a channel are one conversation, so tests that need a fresh one pass another `userId`. */
export const slash = (app: StartedApp, slack: FakeSlack, text: string, userId?: string) =>
  posted(slack, 'response_url', () => app.post(slashCommandRequest({ text, responseUrl: slack.responseUrl(), userId }, app.sign)));

/** A click on an element of a reply: a button (value), the journey menu (selected_option) or the date picker (selected_date). */
export function click(
  app: StartedApp,
  slack: FakeSlack,
  on: { reply: Reply; ephemeral?: boolean; channelId?: string; userId?: string },
  action: { action_id: string; block_id: string; value?: string; selected_option?: { value: string }; selected_date?: string },
  expect: 'chat.update' | 'response_url' = on.ephemeral ? 'response_url' : 'chat.update',
): Promise<Reply> {
  const payload = blockActionPayload({
    actionId: action.action_id,
    value: action.value ?? '',
    blockId: action.block_id,
    responseUrl: slack.responseUrl(),
    channelId: on.channelId,
    userId: on.userId,
    ...(on.ephemeral ? {} : { message: { ts: on.reply.ts ?? '1764000000.000900', text: on.reply.text, blocks: on.reply.blocks } }),
  });
  const [clicked] = payload.actions as Record<string, unknown>[];
  if (action.selected_option) Object.assign(clicked, { type: 'static_select', selected_option: action.selected_option, value: undefined });
  if (action.selected_date) Object.assign(clicked, { type: 'datepicker', selected_date: action.selected_date, value: undefined });
  return posted(slack, expect, () => app.post(interactionRequest(payload, app.sign)));
}

/** The "Understood as `/leak …`" line of an asked answer, or undefined. */
export const understoodOf = (r: Reply): string | undefined =>
  r.blocks?.find((b) => b.block_id === 'leak_ask_understood')?.elements[0].text.match(/^Understood as `\/leak (.*)`$/)?.[1];

/** The element with that action id (or id prefix) anywhere in a reply, with its block's id. */
export function elementOf(r: Reply, actionId: string): { block_id: string; element: any } {
  for (const b of r.blocks ?? []) {
    for (const e of b.elements ?? []) if (e.action_id === actionId || e.action_id?.startsWith(`${actionId}:`)) return { block_id: b.block_id, element: e };
  }
  throw new Error(`no element ${actionId} in ${JSON.stringify(r.blocks).slice(0, 600)}`);
}
