/**
 * A source is declared once (src/sources.ts); the store's tables, the import command and the export
 * follow the declaration. These checks catch a declaration changed without the migration it needs
 * (npm run db:generate) or a place that stopped following it.
 */
import { describe, expect, it } from 'vitest';
import { SOURCE_KINDS, SOURCES } from '../../src/sources.ts';
import { loadCommand } from '../../commands/registry.ts';
import { exportCsv } from '../../src/simulator/export-csv.ts';
import { tempDir } from '../helpers/csv.ts';
import { makeDeps } from '../helpers/store.ts';

const columnsOf = (deps: ReturnType<typeof makeDeps>, table: string) =>
  (deps.store.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);

describe('the declared sources', () => {
  it('are listed in the order the pipeline applies them, each once', () => {
    expect(new Set(SOURCE_KINDS).size).toBe(SOURCE_KINDS.length);
    expect(SOURCE_KINDS[0]).toBe('members');
  });

  it('each have a bronze table of exactly the batch, the line and the declared columns, and a silver table with every column', () => {
    const deps = makeDeps();
    for (const s of SOURCES) {
      expect(columnsOf(deps, s.bronzeTable)).toEqual(['raw_id', 'batch_id', 'line_no', ...s.columns.map((c) => c.name)]);
      expect(columnsOf(deps, s.silverTable)).toEqual(expect.arrayContaining(s.columns.map((c) => c.name)));
      expect(s.columns.map((c) => c.name)).toContain(s.idColumn);
    }
  });

  it('give the import and publish commands one option each, and the export one file each with the declared header', async () => {
    const cmd = (await loadCommand('import'))!;
    expect(cmd.args.options.map((o) => o.name)).toEqual([...SOURCE_KINDS]);
    const publish = (await loadCommand('publish'))!;
    expect(publish.args.options.map((o) => o.name).slice(0, SOURCE_KINDS.length)).toEqual([...SOURCE_KINDS]);
    expect(publish.args.options.slice(0, SOURCE_KINDS.length).map((o) => o.description)).toEqual(SOURCES.map((s) => s.file));
    const deps = makeDeps();
    const out = exportCsv(deps.store, tempDir());
    expect(out.files.map((f) => f.file.split('/').pop())).toEqual(SOURCES.map((s) => s.file));
  });
});
