/**
 * One look for every chart: the shipped font, phone-readable sizes, and the Okabe–Ito palette
 * (distinguishable with the common colour-vision deficiencies). A journey keeps its colour in
 * every chart because colours are assigned from the sorted list of all journeys in the store,
 * not from whichever journeys a chart happens to show.
 */
import type { Config as VlConfig } from 'vega-lite';

export const FONT_FAMILY = 'DejaVu Sans';

/** Okabe & Ito (2008), without black (kept for text) and with the yellow last (weakest on white). */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442'];
/** Journeys beyond the palette share a neutral grey rather than reusing a colour that means something else. */
const OVERFLOW_COLOR = '#8C8C8C';

export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 380;
export const PIXEL_RATIO = 2;

export type JourneyColors = { domain: string[]; range: string[]; of(journey: string): string };

export function assignJourneyColors(allJourneys: string[]): JourneyColors {
  const domain = [...new Set(allJourneys)].sort();
  const range = domain.map((_, i) => OKABE_ITO[i] ?? OVERFLOW_COLOR);
  const byJourney = new Map(domain.map((j, i) => [j, range[i]]));
  return { domain, range, of: (j) => byJourney.get(j) ?? OVERFLOW_COLOR };
}

export const chartConfig: VlConfig = {
  font: FONT_FAMILY,
  background: '#FFFFFF',
  padding: 16,
  view: { stroke: null },
  title: { fontSize: 18, fontWeight: 'bold', anchor: 'start', color: '#1A1A1A', subtitleFontSize: 13, subtitleColor: '#555555', offset: 14 },
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', titleColor: '#333333', labelColor: '#333333', gridColor: '#E6E6E6', domainColor: '#999999', tickColor: '#999999', titlePadding: 10, labelPadding: 4 },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom', direction: 'horizontal', symbolType: 'stroke', symbolStrokeWidth: 3, columns: 4, labelLimit: 160 },
  text: { fontSize: 12, font: FONT_FAMILY },
  locale: { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] } },
} as VlConfig;
