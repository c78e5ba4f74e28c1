/**
 * A cold digest: a new process that loads the chart stack, queries the store and renders the
 * three charts once. Prints the milliseconds from before the imports to the finished digest.
 */
const started = performance.now();
const [file, date] = process.argv.slice(2);
const { openStore } = await import('../../db/open-db.ts');
// The config the bench store uses (bench-store's configFor), read here without importing that
// module: it pulls in the simulator and faker, which no digest loads.
const { loadConfig } = await import('../config.ts');
const { buildDigest } = await import('../../reports/digest/build.ts');
const { createChartRenderer } = await import('../../reports/charts/render.ts');
const { consoleLogger } = await import('../context.ts');
const config = loadConfig({ LEAK_DB: file, LEAK_SIMULATE: 'on' });
const store = openStore(file);
const digest = await buildDigest({ store, config, now: () => Date.now(), log: consoleLogger }, { date, role: 'exec', renderer: createChartRenderer() });
const ms = performance.now() - started;
store.close();
process.stdout.write(`${JSON.stringify({ ms, charts: digest.charts.length })}\n`);
export {};
