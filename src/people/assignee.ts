/**
 * Whoever an action is given to is stored as a Slack user id, so every message can mention them
 * (<@U…>) and Slack notifies them. From Slack the person is picked from Slack's list and arrives
 * as <@U…|name>; in the terminal a user id (U…) is taken as is, and a name is looked up through
 * users.list when SLACK_BOT_TOKEN is set. Anything else is refused in one line saying what to give.
 */
import { WebClient } from '@slack/web-api';
import type { Context } from '../context.ts';
import { LeakError } from '../errors.ts';
import { readUserRef } from '../mentions.ts';
import { slackClientOptions } from '../slack-delivery.ts';
import { createDirectory } from './directory.ts';

const HOW_TO_MENTION = 'to give it to someone, mention them (type @ and pick the person from the list Slack offers)';
const WHERE_IDS_ARE = "their Slack user id (U…: in Slack, the person's profile → ⋯ → Copy member ID)";

/** The Slack user id `raw` names (a mention, an id, or a name looked up in Slack), or a one-line LeakError. */
export async function resolveAssignee(raw: string, ctx: Context): Promise<string> {
  const ref = readUserRef(raw);
  if ('id' in ref) return ref.id;
  const client = ctx.slack?.client ?? terminalClient(ctx);
  if (!client) {
    throw new LeakError('bad_argument', `"${raw}" is not a Slack user id: give ${WHERE_IDS_ARE}, or set SLACK_BOT_TOKEN so names are looked up in Slack.`);
  }
  const found = ref.name ? await createDirectory(client).findUsers(ref.name) : [];
  if (found.length === 1) return found[0].id;
  const how = ctx.slack ? HOW_TO_MENTION : `give ${WHERE_IDS_ARE}`;
  if (found.length === 0) throw new LeakError('bad_argument', `"${raw}" is not a person in this Slack workspace; ${how}.`);
  const who = found.slice(0, 5).map((u) => `${u.id} ${u.realName ?? u.name}`).join(', ');
  throw new LeakError('bad_argument', `"${raw}" matches ${found.length} people (${who}); ${how}.`);
}

/** In the terminal: a client of its own when the bot token is set, built as every other (its timeout), with no retries: a person is waiting. */
function terminalClient(ctx: Context): WebClient | undefined {
  const { botToken } = ctx.config.slack;
  if (!botToken) return undefined;
  return new WebClient(botToken, slackClientOptions({ ...ctx.config.slack, apiRetries: 0 }));
}
