/** Numbers the way people write and say them: 5,000 calls; $40K; $1.46M; 14.2%. JSON keeps exact values. */

export function formatMoney(n: number): string {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (a < 1000) return `${sign}$${Number.isInteger(a) ? a : a.toFixed(2)}`;
  if (a < 9_950) return `${sign}$${(a / 1000).toFixed(1)}K`;
  if (a < 999_500) return `${sign}$${Math.round(a / 1000)}K`;
  if (a < 999_500_000) return `${sign}$${trimZeros((a / 1e6).toPrecision(3))}M`;
  return `${sign}$${trimZeros((a / 1e9).toPrecision(3))}B`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatPct(n: number | null, signed = false): string {
  if (n === null) return 'n/a';
  const s = n.toFixed(1);
  return `${signed && n > 0 ? '+' : ''}${s}%`;
}

/** Calls a day in a sentence: 1,087 from 100 up, one decimal below (9.3). */
export const formatPerDay = (n: number) => (n >= 100 ? formatCount(n) : String(round1(n)));

/** "1 call", "1,030 calls": a count with its noun. */
export const plural = (n: number, noun: string) => `${formatCount(n)} ${noun}${Math.round(n) === 1 ? '' : 's'}`;

/** Money in a sentence: whole dollars from $100 up ($637, not $636.57), then formatMoney's $40K / $1.46M. */
export const spokenMoney = (n: number) => formatMoney(Math.abs(n) >= 100 ? Math.round(n) : n);

/** JSON.stringify's replacer for every --json and JSON answer: Maps (reason counts) serialize as plain objects. */
export const jsonReplacer = (_key: string, value: unknown) => (value instanceof Map ? Object.fromEntries(value) : value);

/** One decimal, as JSON numbers carry percentages. */
export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** The change from `before` to `after` in %, one decimal; null when `before` is 0 (no percentage of nothing). */
export const pctChange = (before: number, after: number): number | null => (before === 0 ? null : round1((100 * (after - before)) / before));

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish', zh: 'Chinese', vi: 'Vietnamese', ko: 'Korean', ru: 'Russian', unknown: 'Unknown' };
export const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code;

const trimZeros = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** A call's length the way people say it: 45s, 3m 05s, 1h 02m. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h}h ${String(m).padStart(2, '0')}m`;
  return m ? `${m}m ${String(s).padStart(2, '0')}s` : `${s}s`;
}

/** A plain aligned text table: first column left, the rest right-aligned. */
export function renderTable(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
