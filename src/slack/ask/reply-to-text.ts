/**
 * Text typed to Leak in Slack (`/leak …`, `@Leak …`, a DM): a command or a question?
 *  - `ask <question>` is always a question;
 *  - a line starting with a command's name runs it, unless its arguments do not parse and the words
 *    make a question ("why is this happening?" starts with `why`);
 *  - anything else is a question; one Leak does not understand whose first word is near a command's
 *    name ("todya", "tody --date 2026-11-20") is a mistyped command and gets "Did you mean today?".
 * Questions go through asking.ts, exactly as `leak ask` does.
 */
import { answerResolution, askInput, resolveAsked, vocabularyOf, type AskPlace } from '../../../commands/asking.ts';
import { isKnownWord } from '../../ask/resolve.ts';
import type { Context } from '../../context.ts';
import type { SlackMessage } from '../../blocks/limits.ts';
import { answerChecked, answerLine, audienceContext, checkCommand, checkLineLength, readIntent, type AnswerOptions, type CheckedCommand } from '../answer.ts';
import { errorMessage } from '../error-reply.ts';
import { isLeakError } from '../../errors.ts';
import { plainFromSlack } from '../../mentions.ts';
import { decodeEntities } from '../../blocks/mrkdwn.ts';
import { renderAsked } from './blocks.ts';

export type SlackPlace = AskPlace & { threadKey: string; ephemeral: boolean };

/** The conversation a follow-up belongs to: a channel thread, a DM, or one person's /leak in a channel. */
export { threadKeys } from './thread-keys.ts';

export async function replyToText(text: string, ctx: Context, place: SlackPlace, opts: AnswerOptions): Promise<SlackMessage> {
  try {
    return await commandOrQuestion(text, ctx, place, opts);
  } catch (e) {
    return errorMessage(e, opts.log);
  }
}

async function commandOrQuestion(text: string, ctx: Context, place: SlackPlace, opts: AnswerOptions): Promise<SlackMessage> {
  // A question is held to a command line's limit too (a DM may be 40,000 characters), before it is read or stored.
  checkLineLength(text);
  const asked = text.trim().match(/^ask\b\s*([\s\S]*)$/i);
  if (asked) return ask(asked[1], ctx, place, opts);
  const intent = await readIntent(text);
  if (intent.kind === 'help') return answerLine(text, ctx, opts);
  const checked = intent.kind === 'command' ? await parses(intent.argv, ctx, opts) : undefined;
  if (checked) return answerChecked(checked, opts);
  if (intent.kind === 'unknown' && !intent.suggestion) return ask(text, ctx, place, opts);
  // A command's name with bad arguments, or a word near one that is no word Leak knows ("tody", "sgments"), is
  // a question only for its own words: "tody --date 2026-11-23" is no follow-up "and on the 23rd?".
  const first = intent.kind === 'command' ? intent.argv[0] : intent.word;
  const commandShaped = intent.kind === 'command' || (first.length >= 4 && !isKnownWord(first, vocabularyOf(ctx.store)));
  // A command's name followed by words that mean nothing to the resolver ("segments xyz") is that command with a
  // bad argument: its own error says what is valid, where a question would silently drop the word.
  if (intent.kind === 'command' && !intent.argv.slice(1).some((w) => isKnownWord(w, vocabularyOf(ctx.store)))) return answerLine(text, ctx, opts);
  return ask(text, ctx, place, opts, { instead: () => answerLine(text, ctx, opts), followUps: !commandShaped });
}

/** `otherwise.instead`: what to say rather than "I answer questions like…" (the command's own error, or "Did you mean…?"). */
type Otherwise = { instead: () => Promise<SlackMessage>; followUps: boolean };

async function ask(text: string, ctx: Context, place: SlackPlace, opts: AnswerOptions, otherwise?: Otherwise): Promise<SlackMessage> {
  // Read as the person saw it: <#C1|billing> is the word #billing, <@U1|bob> is @bob, &amp; is &.
  const question = decodeEntities(plainFromSlack(text)).trim();
  try {
    ctx = await audienceContext(ctx, opts);
    const resolution = await resolveAsked(question, ctx, askInput(ctx, place));
    const lost = resolution.kind === 'unknown' && resolution.reason === 'not_understood';
    const followUp = resolution.kind === 'answer' && resolution.source === 'context';
    if (otherwise && (lost || (followUp && !otherwise.followUps))) return otherwise.instead();
    const asked = await answerResolution(question, resolution, ctx, place);
    return renderAsked(asked, ctx, { ephemeral: place.ephemeral });
  } catch (e) {
    return errorMessage(e, opts.log);
  }
}

/**
 * The line as the command to run, parsed once and run as it was checked; undefined when its arguments
 * do not parse (its words may be a question). A refusal where it was typed (not_allowed) is the answer.
 */
async function parses(argv: string[], ctx: Context, opts: AnswerOptions): Promise<CheckedCommand | undefined> {
  try {
    return await checkCommand(argv, ctx, opts);
  } catch (e) {
    if (isLeakError(e) && e.code === 'not_allowed') throw e;
    return undefined;
  }
}
