/**
 * What the digest's chart plans share: the chart types, and small helpers for their words and colours.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { JourneyColors } from '../charts/theme.ts';
import type { ChartData } from './query.ts';

export type ChartKey = 'daily-by-journey' | 'top-journey-segments' | 'cost-by-journey';

export type DigestChart = {
  key: ChartKey;
  file: string;
  title: string;
  alt: string;
  /** The numbers the chart shows, one line each. */
  text: string[];
  /** Present only when the chart rendered with something on it. */
  png?: Buffer;
  width?: number;
  height?: number;
  /** Why there is no picture, in words for the message. */
  notice?: string;
};

export type Planned = Omit<DigestChart, 'png' | 'width' | 'height' | 'notice'> & { spec: TopLevelSpec | null; empty: string };

export const colorScale = (colors: JourneyColors) => ({ domain: colors.domain, range: colors.range });
/** "on 2026-11-23", or "from 2026-11-20 to 2026-11-22" for a digest over several days. */
export const onDays = (data: ChartData) => (data.from === data.date ? `on ${data.date}` : `from ${data.from} to ${data.date}`);
export const shortDate = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

