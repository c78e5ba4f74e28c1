/** Finds known phrases (one or more words) in a question's words: longest match first, no overlaps. */

export type PhraseMatch<V> = { value: V; start: number; end: number; phrase: string };

export class PhraseTable<V> {
  private readonly byFirst = new Map<string, { words: string[]; value: V; phrase: string }[]>();

  constructor(entries: Iterable<[phrase: string, value: V]>) {
    for (const [phrase, value] of entries) {
      const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      const list = this.byFirst.get(words[0]) ?? [];
      list.push({ words, value, phrase: words.join(' ') });
      this.byFirst.set(words[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Every match in `words`, scanning left to right and taking the longest phrase at each place. */
  find(words: readonly string[], skip?: ReadonlySet<number>): PhraseMatch<V>[] {
    const out: PhraseMatch<V>[] = [];
    for (let i = 0; i < words.length; ) {
      const hit = skip?.has(i) ? undefined : this.matchAt(words, i, skip);
      if (hit) {
        out.push(hit);
        i = hit.end;
      } else i++;
    }
    return out;
  }

  /** The longest phrase starting exactly at word i. */
  matchAt(words: readonly string[], i: number, skip?: ReadonlySet<number>): PhraseMatch<V> | undefined {
    for (const e of this.byFirst.get(words[i]) ?? []) {
      if (i + e.words.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < e.words.length && ok; k++) ok = words[i + k] === e.words[k] && !skip?.has(i + k);
      if (ok) return { value: e.value, start: i, end: i + e.words.length, phrase: e.phrase };
    }
    return undefined;
  }

  /** Every word of every phrase: for the spelling lexicon. */
  words(): string[] {
    return [...this.byFirst.values()].flatMap((l) => l.flatMap((e) => e.words));
  }
}
