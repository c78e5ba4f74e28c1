/**
 * The conversation a question belongs to, as a key (ask_threads, ask_questions.thread_key), and
 * whether a click came from that conversation. A click's values come with its payload, so a question
 * id in one may have been copied from anywhere: the controls act only where the question was asked.
 */
import type { AskedQuestion } from '../../ask/ask-store.ts';
import { workspaceOf, type AskAction } from './payloads.ts';

/** A channel thread, a DM, or one person's /leak in a channel. Team and channel ids hold no ':'. */
export const threadKeys = {
  thread: (team: string, channel: string, threadTs: string) => `slack:${team}:${channel}:${threadTs}`,
  dm: (team: string, channel: string) => `slack:${team}:${channel}`,
  slash: (team: string, channel: string, user: string) => `slack:${team}:${channel}:user:${user}`,
};

/**
 * Whether the clicked question was asked where the click happened: the same workspace and channel
 * (a thread's or DM's message, or a private /leak answer there), and for a private /leak answer, by
 * the person clicking (nobody else can see it).
 */
export function askedHere(row: Pick<AskedQuestion, 'workspace' | 'threadKey'>, payload: AskAction): boolean {
  const workspace = workspaceOf(payload);
  const channel = payload.container?.channel_id ?? payload.channel?.id;
  if (row.workspace !== workspace || !row.threadKey || !channel) return false;
  const [source, team, where, ...rest] = row.threadKey.split(':');
  if (source !== 'slack' || team !== workspace || where !== channel) return false;
  return rest[0] !== 'user' || rest[1] === payload.user.id;
}
