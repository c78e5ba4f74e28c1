/**
 * The member population, held as typed arrays (5M members at full scale fit in ~40 MB) and
 * drawn from by index. Attributes are fixed when the world is created, from the seed and the
 * world's anchor date, so every slice sees the same members.
 */
import { addDays } from '../time.ts';
import { Random, Weighted, hash32 } from './random.ts';
import type { Pools } from './name-pools.ts';

const PLAN_NAMES = ['MAPD', 'Commercial', 'Medicaid', 'ACA'] as const;
const PLAN_MIX = new Weighted<number>([[0, 40], [1, 30], [2, 20], [3, 10]]);
const LANGUAGES = ['en', 'es', 'zh', 'vi', 'ko', 'ru'] as const;
const LANGUAGE_MIX = new Weighted<number>([[0, 78], [1, 17], [2, 2], [3, 1.5], [4, 0.8], [5, 0.7]]);

const FULL_SCALE_MEMBERS = 5_000_000;
/** Share of members who call often (chronic conditions, confusion): they make the repeat calls. */
const FREQUENT_SHARE = 0.02;

export type Members = {
  count: number;
  plan: Uint8Array;
  language: Uint8Array;
  /** Enrollment, in days before the anchor date. */
  enrolledAgo: Uint16Array;
  birthYear: Uint16Array;
  /** Indexes into the member pools, drawn for the groups scenarios target. */
  mapd: Int32Array;
  mapdNew: Int32Array;
  spanish: Int32Array;
  frequent: Int32Array;
  anchorDate: string;
  seed: number;
  pools: Pools;
};

const memberCount = (scale: number) => Math.max(500, Math.round(FULL_SCALE_MEMBERS * scale));

export function buildMembers(seed: number, scale: number, anchorDate: string, pools: Pools): Members {
  const count = memberCount(scale);
  const rng = new Random(hash32(seed, 0x6d656d));
  const plan = new Uint8Array(count);
  const language = new Uint8Array(count);
  const enrolledAgo = new Uint16Array(count);
  const birthYear = new Uint16Array(count);
  const anchorYear = Number(anchorDate.slice(0, 4));
  const mapd: number[] = [];
  const mapdNew: number[] = [];
  const spanish: number[] = [];
  for (let i = 0; i < count; i++) {
    const p = PLAN_MIX.draw(rng);
    plan[i] = p;
    language[i] = LANGUAGE_MIX.draw(rng);
    const isNew = rng.chance(p === 0 ? 0.3 : 0.2);
    // New members enrolled 40–330 days ago stay "new" across a month of history; tenured ones 14 months to 11 years.
    enrolledAgo[i] = isNew ? 40 + rng.int(290) : 425 + rng.int(3600);
    birthYear[i] = p === 0 ? anchorYear - 65 - rng.int(25) : anchorYear - 19 - rng.int(45);
    if (p === 0) (isNew ? mapdNew : mapd).push(i);
    if (language[i] === 1) spanish.push(i);
  }
  const frequent = Int32Array.from({ length: Math.max(5, Math.round(count * FREQUENT_SHARE)) }, () => rng.int(count));
  return {
    count, plan, language, enrolledAgo, birthYear, anchorDate, seed, pools,
    mapd: Int32Array.from([...mapd, ...mapdNew]),
    mapdNew: Int32Array.from(mapdNew),
    spanish: Int32Array.from(spanish),
    frequent,
  };
}

const canonicalId = (i: number) => `M-${100000 + i}`;

/** Source systems disagree on id format; the pipeline must fold these back into one member. */
export function sourceIdForm(i: number, rng: Random, bareShare: number): string {
  const u = rng.next();
  if (u < bareShare) return String(100000 + i);
  if (u < bareShare * 1.6) return `m${100000 + i}`;
  return canonicalId(i);
}

const draw = (m: Members, i: number, k: number, n: number) => Math.floor((hash32(m.seed, 0x70726f, i, k) / 4294967296) * n);

/** Enrollment dates by days-ago, per population: a full-scale world writes 5M rows from ~4K dates. */
const enrolledDates = new WeakMap<Members, string[]>();

/** The member's profile row, in contract column order. Deterministic per member, cheap: a hash per draw, dates cached. */
export function memberRow(m: Members, i: number): string[] {
  const es = m.language[i] === 1;
  const firsts = es ? m.pools.spanishFirstNames : m.pools.firstNames;
  const lasts = es ? m.pools.spanishLastNames : m.pools.lastNames;
  let dates = enrolledDates.get(m);
  if (!dates) enrolledDates.set(m, (dates = []));
  const enrolled = (dates[m.enrolledAgo[i]] ??= addDays(m.anchorDate, -m.enrolledAgo[i]));
  return [
    canonicalId(i),
    PLAN_NAMES[m.plan[i]],
    enrolled,
    LANGUAGES[m.language[i]],
    draw(m, i, 3, 100) < 2 ? '' : String(m.birthYear[i]),
    draw(m, i, 4, 100) < 1 ? '' : m.pools.states[draw(m, i, 5, m.pools.states.length)],
    `${firsts[draw(m, i, 1, firsts.length)]} ${lasts[draw(m, i, 2, lasts.length)]}`,
  ];
}
