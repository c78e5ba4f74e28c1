/**
 * Text that comes from data or people is never markup. Slack reads `<…>` in mrkdwn (block text and
 * a message's `text` fallback alike) as a link, a mention or a command: `<!here>` pings a channel,
 * `<https://x|Open the fix>` disguises a link, `<@U1>` pings a person; `&` starts an entity. Slack's
 * documented escaping is `&amp;`, `&lt;`, `&gt;`, and nothing else is needed: *bold*, _italic_ and
 * `code` in data only change how the text looks, never what it links to or who it notifies.
 *
 * Every mrkdwn string the app sends is a `Mrkdwn`, made here and nowhere else:
 *
 *   mrkdwn`*${journey}* leaks ${count} calls`   // literal parts are the app's markup; every value is escaped
 *   userMention(userId)                        // <@U…> for a Slack user id, escaped text otherwise
 *
 * A value that is already Mrkdwn is kept as it is, so pieces compose; anything else is escaped. The
 * block builders below take Mrkdwn only, so a raw string cannot reach Slack as markup without a
 * type error, and a test (test/src/blocks/mrkdwn.test.ts) keeps `type: 'mrkdwn'` out of every
 * other file.
 */
import type { ContextBlock, HeaderBlock, KnownBlock, MrkdwnElement, PlainTextElement, SectionBlock } from '@slack/types';
import { isUserId } from '../mentions.ts';

/** Escaped mrkdwn. Not exported as a value: only the functions below make one (the private field makes the type nominal). */
class MrkdwnText {
  private readonly escaped = true;
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Mrkdwn = MrkdwnText;

const trusted = (text: string): Mrkdwn => new MrkdwnText(text);

/** What may be put into a mrkdwn template: Mrkdwn is kept, text and numbers are escaped. */
export type MrkdwnValue = Mrkdwn | string | number;

/** Slack's escaping, for text placed in mrkdwn. Use the `mrkdwn` tag instead of calling this. */
export const escapeMrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The reverse, for text Slack sends (a /leak line, a message) and for mrkdwn shown in a terminal: &lt; &gt; &amp; as < > &. */
export const decodeEntities = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const piece = (v: MrkdwnValue) => (v instanceof MrkdwnText ? v.text : escapeMrkdwn(String(v)));

/** The tag every mrkdwn string is built with: literal parts are markup, interpolated values are escaped. */
export function mrkdwn(strings: TemplateStringsArray, ...values: MrkdwnValue[]): Mrkdwn {
  let out = strings[0];
  values.forEach((v, i) => {
    out += piece(v) + strings[i + 1];
  });
  return trusted(out);
}

/** Text with no markup of its own, escaped: mrkdwn`${s}` spelled as a call. */
export const mrkdwnOf = (s: MrkdwnValue): Mrkdwn => trusted(piece(s));

/** Parts joined by a separator that is the app's own markup ('\n', ' · '). */
export const joinMrkdwn = (parts: MrkdwnValue[], separator: string): Mrkdwn => trusted(parts.map(piece).join(separator));

const SLACK_CHANNEL_ID = /^[CGD][A-Z0-9]+$/;

/** A person's mention (<@U…>) when `user` is a Slack user id; anything else (`cli`, a typed name) is shown as text. */
export const userMention = (user: string): Mrkdwn => (isUserId(user) ? trusted(`<@${user}>`) : mrkdwnOf(user));

/** A channel link (<#C…>) when `channel` is a channel id; a name (#leaks) is shown as text. */
export const channelMention = (channel: string): Mrkdwn => (SLACK_CHANNEL_ID.test(channel) ? trusted(`<#${channel}>`) : mrkdwnOf(channel));

/** Inline code: the value escaped inside backticks (Slack still reads `<…>` there). Backticks in it end the span early, harmlessly. */
export const code = (s: MrkdwnValue): Mrkdwn => mrkdwn`\`${s}\``;

/**
 * Cuts escaped mrkdwn to at most `max` characters with an ellipsis, never inside an entity (`&amp;`)
 * or a `<…>` mention, which would leave a broken one.
 */
export function truncateMarkup(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const open = Math.max(text.lastIndexOf('&', cut - 1), text.lastIndexOf('<', cut - 1));
  if (open >= 0) {
    const close = text[open] === '&' ? text.indexOf(';', open) : text.indexOf('>', open);
    if (close === -1 || close >= cut) cut = open;
  }
  return `${text.slice(0, cut)}…`;
}

/** The same text for a terminal: entities decoded, mentions as @U…, channels as #C…. */
export function plainTextOf(m: Mrkdwn): string {
  return decodeEntities(m.text.replace(/<([@#])([A-Z0-9]+)>/g, '$1$2'));
}

// Block Kit pieces. mrkdwn objects are `verbatim`: Slack then does not turn bare URLs, #names or
// @names in them into links or mentions either; the app's own <@U…> still work.

export const mrkdwnElement = (m: Mrkdwn): MrkdwnElement => ({ type: 'mrkdwn', text: m.text, verbatim: true });

/** plain_text is never parsed as markup: it takes text as it is, unescaped. */
export const plainText = (text: string, emoji = true): PlainTextElement => ({ type: 'plain_text', text, emoji });

export const headerBlock = (text: string, emoji = true): HeaderBlock => ({ type: 'header', text: plainText(text, emoji) });

export const sectionBlock = (m: Mrkdwn, extra: Omit<SectionBlock, 'type' | 'text' | 'fields'> = {}): SectionBlock => ({ type: 'section', text: mrkdwnElement(m), ...extra });

export const fieldsBlock = (fields: Mrkdwn[], extra: Omit<SectionBlock, 'type' | 'text' | 'fields'> = {}): SectionBlock => ({ type: 'section', fields: fields.map(mrkdwnElement), ...extra });

export const contextBlock = (...lines: Mrkdwn[]): ContextBlock => ({ type: 'context', elements: lines.map(mrkdwnElement) });

export const dividerBlock = (): KnownBlock => ({ type: 'divider' });
