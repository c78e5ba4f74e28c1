/** Change annotations (ops.annotations): dated notes that root cause shows near a spike's start. */
import type { Store } from '../../db/open-db.ts';

export type Annotation = { id: number; date: string; text: string; journey: string | null; created_at: number; created_by: string };

const COLUMNS = 'id, date, text, journey, created_at, created_by';

export function addAnnotation(store: Store, note: { date: string; text: string; journey?: string; at: number; by: string }): Annotation {
  const id = store.sqlite
    .prepare('INSERT INTO annotations (date, text, journey, created_at, created_by) VALUES (?, ?, ?, ?, ?)')
    .run(note.date, note.text, note.journey ?? null, note.at, note.by).lastInsertRowid;
  return store.sqlite.prepare(`SELECT ${COLUMNS} FROM annotations WHERE id = ?`).get(id) as Annotation;
}

/** Notes dated within [from, to] (either bound optional), for the journey or for every journey; newest last. */
export function listAnnotations(store: Store, q: { from?: string; to?: string; journey?: string } = {}): Annotation[] {
  return store.sqlite
    .prepare(
      `SELECT ${COLUMNS} FROM annotations
       WHERE (@from IS NULL OR date >= @from) AND (@to IS NULL OR date <= @to)
         AND (@journey IS NULL OR journey IS NULL OR journey = @journey)
       ORDER BY date, id`,
    )
    .all({ from: q.from ?? null, to: q.to ?? null, journey: q.journey ?? null }) as Annotation[];
}
