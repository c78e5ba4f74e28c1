/**
 * The build: esbuild bundles the entries below from TypeScript into dist/, so the CLI, `npm start`
 * and the bench run JavaScript instead of transpiling at every start. Bundled rather than compiled
 * file by file (tsc): a cold CLI answer then loads ~25 files instead of ~130, and zod only in the
 * parts used (see README, Development). Type checking stays with `tsc --noEmit` (npm test).
 * Plain JavaScript itself, because it runs before anything is built.
 *
 *   node scripts/build.mjs               build if a source is newer than the last build (npm's prepare)
 *   node scripts/build.mjs src/cli.ts …  the same, then run that entry's built file with the rest
 *
 * "Newer" costs one stat per source file (a few ms), so an edit to src/ is never answered by old
 * code, and an unchanged tree costs no build; a build takes well under a second.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.built');
const lock = path.join(dist, '.building');

const ENTRIES = ['src/cli.ts', 'src/main.ts', 'src/bench/run.ts', 'src/bench/child-backfill.ts', 'src/bench/child-digest.ts', 'src/bench/child-publish.ts'];
const SOURCES = ['src', 'commands', 'reports', 'db'];
/** Whatever else changes the output: the build itself, the compiler settings, the installed packages. */
const INPUTS = ['scripts/build.mjs', 'tsconfig.json', 'package-lock.json'];
/**
 * Packages bundled in; every other import is left to node_modules. zod's ~100 small modules cost a
 * cold start more to load than the part of it we use costs bundled; the rest are not on that path,
 * or are native, or load files of their own at run time.
 */
const BUNDLED = ['zod', 'fastest-levenshtein'];
/**
 * Chunk names carry a hash, so a build leaves the chunks it replaced behind: a bot started before it
 * can still load the lazy chunks it was built with. Those no longer current go once a day old.
 */
const KEEP_OLD_MS = 24 * 3_600_000;

function newestInput() {
  let newest = 0;
  const consider = (file) => {
    const t = fs.statSync(file).mtimeMs;
    if (t > newest) newest = t;
  };
  for (const top of SOURCES) {
    for (const e of fs.readdirSync(path.join(root, top), { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.ts')) consider(path.join(e.parentPath ?? e.path, e.name));
    }
  }
  for (const f of INPUTS) if (fs.existsSync(path.join(root, f))) consider(path.join(root, f));
  return newest;
}

const builtAt = () => fs.statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? -1;
const isFresh = () => builtAt() >= newestInput();

/** Builds dist/ unless it is fresh. */
export async function ensureBuilt() {
  if (isFresh()) return;
  fs.mkdirSync(dist, { recursive: true });
  await withLock(async () => {
    if (isFresh()) return; // another process built it while this one waited
    const started = new Date();
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: ENTRIES,
      outbase: '.',
      outdir: 'dist',
      chunkNames: 'chunks/[name]-[hash]',
      bundle: true,
      splitting: true, // the registry's lazy imports stay lazy: one chunk per command
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'linked', // NODE_OPTIONS=--enable-source-maps shows src/ lines in stack traces
      metafile: true,
      logLevel: 'warning',
      plugins: [keepPackagesExternal],
    });
    removeOldOutputs(new Set(Object.keys(result.metafile.outputs).map((f) => path.join(root, f))));
    // Stamped with the time the build began, so a file saved during the build counts as newer.
    fs.writeFileSync(stamp, '');
    fs.utimesSync(stamp, started, started);
  });
}

const keepPackagesExternal = {
  name: 'keep-packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED.some((p) => args.path === p || args.path.startsWith(`${p}/`)) ? undefined : { external: true }));
  },
};

function removeOldOutputs(current) {
  const now = Date.now();
  for (const e of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
    const file = path.join(e.parentPath ?? e.path, e.name);
    if (!e.isFile() || !/\.js(\.map)?$/.test(e.name) || current.has(file)) continue;
    if (now - fs.statSync(file).mtimeMs > KEEP_OLD_MS) fs.rmSync(file);
  }
}

/** One build at a time: a second process waits for the first rather than write the same files under it. */
async function withLock(fn) {
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A lock older than any build is one a killed build left behind.
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > 60_000) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [entry, ...rest] = process.argv.slice(2);
  await ensureBuilt();
  if (entry) {
    const built = path.join(dist, entry.replace(/\.ts$/, '.js'));
    // The entry sees the command line it would have seen run directly: node <its file> <args…>.
    process.argv.splice(1, process.argv.length - 1, built, ...rest);
    await import(pathToFileURL(built).href);
  }
}
