/**
 * What an answer says about the words it did not use, so none is dropped silently: words Leak does
 * not know ("dental"), a "top 3" no answer applies, and what an "except" asked to leave out.
 */
import type { Found } from './read.ts';

const quoted = (words: string[]) => words.map((w) => `"${w}"`);
const either = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`);
const both = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);

export function wordNotes(found: Found, by: string | undefined): string[] {
  const notes: string[] = [];
  if (found.unread.length) {
    const them = found.unread.length > 1 ? 'they are' : 'it is';
    notes.push(`I did not understand ${either(quoted(found.unread))}, so ${them} not part of this answer.`);
  }
  for (const { word, what } of found.excluded) {
    notes.push(what.length
      ? `I cannot leave out ${both(what)} ("${word}"): this answer includes ${what.length > 1 ? 'them' : 'it'}.`
      : `I cannot leave anything out ("${word}"): this answer includes everything.`);
  }
  if (found.top) notes.push(`"${found.top}" is not applied: every ${by ?? 'row'} is listed, largest first.`);
  return notes;
}
