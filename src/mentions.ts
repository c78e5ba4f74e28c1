/**
 * People and channels in Slack's markup. Coming in: the /leak command is sent with should_escape,
 * so a person picked from Slack's list arrives as <@U123|bob> and a channel as <#C123|leaks>; an
 * argument that names a person keeps the id, every other argument reads the markup as plain words.
 * Going out: a person is written <@U123> by userMention (src/blocks/mrkdwn.ts), which Slack shows as
 * their name and notifies.
 */

/** A Slack user id: U… (or W… on Enterprise Grid). */
export const isUserId = (s: string) => /^[UW][A-Z0-9]+$/.test(s);

/** What was given for a person: a Slack user id (from a mention or typed), or a name still to be looked up. */
export type UserRef = { id: string } | { name: string };

export function readUserRef(raw: string): UserRef {
  const text = raw.trim();
  const mention = /^<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>$/.exec(text);
  if (mention) return { id: mention[1] };
  if (isUserId(text)) return { id: text };
  return { name: text.replace(/^@/, '') };
}

/**
 * Slack markup in typed text, as the words the person saw: <@U1|bob> → @bob, <#C1|leaks> → #leaks,
 * <!subteam^S1|@web> → @web, <!here> → @here, <https://x|label> → label. Linear: one pass, no nesting.
 */
export function plainFromSlack(text: string): string {
  if (!text.includes('<')) return text;
  return text.replace(/<([^<>]*)>/g, (_whole: string, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? undefined : inner.slice(bar + 1);
    if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
    if (target.startsWith('#')) return label ? `#${label.replace(/^#/, '')}` : target.slice(1);
    if (target.startsWith('!')) {
      if (label) return label;
      const special = target.slice(1).split('^')[0];
      return special === 'subteam' ? `@${target.split('^')[1] ?? 'group'}` : `@${special}`;
    }
    // A link (<https://…|label>); anything else was typed with its brackets and stays as it is.
    return /^[a-z][a-z0-9+.-]*:/i.test(target) ? (label ?? target) : _whole;
  });
}
