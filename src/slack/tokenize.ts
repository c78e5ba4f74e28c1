/**
 * Splits slash-command text into argv the way a shell would for simple cases: whitespace separates,
 * "double" or 'single' quotes group words. Slack clients often turn quotes into “smart” quotes,
 * so those count too. A single quote inside a word is an apostrophe. Slack escapes &, < and > as entities; they are turned back first.
 */
import { decodeEntities } from '../blocks/mrkdwn.ts';

const OPEN_TO_CLOSE: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '‘': '’', '’': '’' };

const SINGLE = new Set(["'", '‘', '’']);

export function tokenize(text: string): string[] {
  // Slack sends &amp; &lt; &gt; in message and command text.
  const input = decodeEntities(text);
  const out: string[] = [];
  let current = '';
  let inToken = false;
  let closing: string | undefined;
  for (const ch of input) {
    if (closing) {
      if (ch === closing || (closing === '"' && ch === '”') || (closing === '”' && ch === '"')) closing = undefined;
      else current += ch;
    } else if (ch in OPEN_TO_CLOSE && (!SINGLE.has(ch) || !inToken)) {
      // A single quote mid-word is an apostrophe (it's), not a quote.
      closing = OPEN_TO_CLOSE[ch];
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) out.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (inToken) out.push(current);
  return out;
}

/**
 * argv as a line tokenize reads back word for word (Share, "Did you mean", "Understood as"): a word
 * with a space or a quote is double-quoted, an apostrophe inside kept (a double quote inside is
 * dropped: tokenize has no escape). Not a shell's quoting ('it'\''s'), which tokenize would split.
 */
export const quoteLine = (argv: readonly string[]) => argv.map((a) => (a === '' || /[\s"']/.test(a) ? `"${a.replace(/"/g, '')}"` : a)).join(' ');
