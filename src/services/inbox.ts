/**
 * The CSV inbox (LEAK_INBOX, default ./data/inbox): contract files dropped there are imported as they
 * land, through the same gate, quarantine and pipeline as `leak import` (the command itself runs them,
 * so a store holding simulated data refuses them the same way), then moved to done/, or to refused/
 * with NAME.reason.txt beside it holding the one-line reason. Which contract file it is comes from its
 * header (checkCsvFile without a kind). A check's files are imported members first, as `leak import`
 * does (their kind peeked from the first lines), and the alert checks run once after them.
 *
 * Complete files only. The folder is polled; a file is taken once two checks in a row see the same
 * size and modification time, so one still being copied in is left for the next check. A writer that
 * may pause longer than that should write under a temporary name and rename when done: names ending
 * .part, .tmp, .partial, .crdownload, .filepart and names starting with '.' or '~' are never taken.
 * Polling rather than file events: it also works on network and container mounts, where events are
 * unreliable, and two checks are exactly the rule.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.ts';
import { describeError, isLeakError, LeakError } from '../errors.ts';
import { holdsSimulatedData } from '../import-batches/provenance.ts';
import { peekCsvKind } from '../ingest/import-csv.ts';
import { SOURCE_KINDS } from '../sources.ts';
import importCommand from '../../commands/import.ts';

export const INBOX_POLL_MS = 2000;
const WRITING = /(\.part|\.tmp|\.partial|\.crdownload|\.filepart)$/i;

export type InboxEvent = { file: string; outcome: 'done' | 'refused' | 'error'; line: string; movedTo?: string };

export type Inbox = {
  name: string;
  dir: string;
  /** One check of the folder: imports the files that were already there, unchanged, at the previous check. */
  scan(): Promise<InboxEvent[]>;
  /** Called with each file's outcome as it is handled. */
  onEvent(listener: (e: InboxEvent) => void): void;
  stop(): Promise<void>;
};

export type InboxOptions = {
  dir?: string;
  /** Milliseconds between checks; 0 starts no timer (tests call scan()). */
  pollMs?: number;
  log?: (line: string) => void;
  /** Run once after a check that loaded any file (the alert checks). */
  afterImport?: () => unknown;
};

export function startInbox(ctx: Context, opts: InboxOptions = {}): Inbox {
  const dir = opts.dir ?? ctx.config.inboxDir;
  const log = opts.log ?? ((line: string) => ctx.log.info(line));
  for (const d of [dir, path.join(dir, 'done'), path.join(dir, 'refused')]) fs.mkdirSync(d, { recursive: true });
  const seen = new Map<string, string>();
  const lastError = new Map<string, string>();
  const listeners: ((e: InboxEvent) => void)[] = [];
  let running: Promise<InboxEvent[]> | null = null;

  const emit = (e: InboxEvent) => {
    log(`Inbox: ${e.line}`);
    for (const l of listeners) l(e);
    return e;
  };

  async function handle(name: string): Promise<InboxEvent | null> {
    const file = path.join(dir, name);
    try {
      if (!name.toLowerCase().endsWith('.csv')) throw new LeakError('bad_file', `${name} is not a .csv file: only contract CSV files (members, digital events, calls) are imported here.`);
      const result = await importCommand.run({ files: [{ file }] }, ctx);
      const movedTo = moveTo(dir, 'done', name);
      const text = importCommand.renderText(result).split(file).join(name).split('\n').join('; ');
      return emit({ file: name, outcome: 'done', line: `${text} → ${path.relative(dir, movedTo)}`, movedTo });
    } catch (e) {
      if (!fs.existsSync(file)) return null; // taken away meanwhile: nothing to move
      // The file's fault (or a store that only takes simulated data): refused. Anything else may pass on a retry.
      if (isLeakError(e) && (e.code === 'bad_file' || (e.code === 'conflict' && holdsSimulatedData(ctx.store)))) {
        const said = describeError(e).split(file).join(name);
        const reason = said.startsWith(name) ? said : `${name}: ${said}`;
        const movedTo = moveTo(dir, 'refused', name);
        fs.writeFileSync(`${movedTo}.reason.txt`, `${reason}\n`);
        return emit({ file: name, outcome: 'refused', line: `${reason} → ${path.relative(dir, movedTo)}`, movedTo });
      }
      // Not the file's fault (the store busy, a disk error): it stays, and is tried again next check.
      const line = `${name} not imported yet: ${describeError(e)}; trying again at the next check.`;
      if (lastError.get(name) === line) return null;
      lastError.set(name, line);
      return emit({ file: name, outcome: 'error', line });
    }
  }

  async function scanOnce(): Promise<InboxEvent[]> {
    const ready: string[] = [];
    const present = new Set<string>();
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const name = entry.name;
      if (!entry.isFile() || name.startsWith('.') || name.startsWith('~') || WRITING.test(name)) continue;
      present.add(name);
      let stamp: string;
      try {
        const st = fs.statSync(path.join(dir, name));
        stamp = `${st.size}:${st.mtimeMs}`;
      } catch {
        continue; // moved away between the listing and now
      }
      if (seen.get(name) === stamp) ready.push(name);
      else seen.set(name, stamp);
    }
    for (const name of seen.keys()) if (!present.has(name)) seen.delete(name);
    const events: InboxEvent[] = [];
    for (const name of await inImportOrder(dir, ready)) {
      const e = await handle(name);
      if (e) events.push(e);
      if (e?.outcome !== 'error') seen.delete(name);
    }
    if (opts.afterImport && events.some((e) => e.outcome === 'done')) {
      try {
        await opts.afterImport();
      } catch (e) {
        log(`Inbox: the checks after the import failed: ${describeError(e)}`);
      }
    }
    return events;
  }

  // One check at a time: an import longer than the poll interval must not start the same file twice.
  const scan = () => (running ??= scanOnce().finally(() => (running = null)));
  const pollMs = opts.pollMs ?? INBOX_POLL_MS;
  const timer = pollMs > 0 ? setInterval(() => void scan().catch((e: unknown) => log(`Inbox: check failed: ${describeError(e)}`)), pollMs) : null;

  return {
    name: 'inbox',
    dir,
    scan,
    onEvent: (l) => void listeners.push(l),
    stop: async () => {
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}

/** Members first, then digital events, then calls (SOURCE_KINDS), as `leak import` loads them; files whose kind the first lines do not tell last; by name within each. */
async function inImportOrder(dir: string, names: string[]): Promise<string[]> {
  const rank = await Promise.all(names.map(async (name) => {
    const kind = name.toLowerCase().endsWith('.csv') ? await peekCsvKind(path.join(dir, name)) : undefined;
    return { name, rank: kind ? SOURCE_KINDS.indexOf(kind) : SOURCE_KINDS.length };
  }));
  return rank.sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((r) => r.name);
}

/** Moves `name` into `sub`/, under a free name (members.csv, then members-2.csv…): earlier files are kept. */
function moveTo(dir: string, sub: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const target = path.join(dir, sub, n === 1 ? name : `${stem}-${n}${ext}`);
    if (fs.existsSync(target) || fs.existsSync(`${target}.reason.txt`)) continue;
    fs.renameSync(path.join(dir, name), target);
    return target;
  }
}
