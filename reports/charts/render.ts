/**
 * Vega-Lite spec → Vega view (renderer 'none', no browser, no canvas) → SVG → PNG with resvg.
 * The font files are resolved once per renderer and passed explicitly with system fonts off,
 * so a chart looks the same on a laptop and on a container with no fonts installed.
 */
import path from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { encodePng } from './png.ts';
import { CHART_HEIGHT, CHART_WIDTH, FONT_FAMILY, PIXEL_RATIO, chartConfig } from './theme.ts';
import { projectPath } from '../../src/project-path.ts';

const FONT_DIR = projectPath('reports', 'charts', 'fonts');
const FONT_FILES = [path.join(FONT_DIR, 'DejaVuSans.ttf'), path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')];

// Vega-Lite's warnings (e.g. about merged sort orders) would go to stdout of the CLI and the bot.
const QUIET = vega.logger(vega.None);

export type RenderedChart = {
  png: Buffer;
  /** Pixel size of the PNG (CSS size × pixel ratio). */
  width: number;
  height: number;
  /** Share of pixels that differ from the background: 0 means nothing was drawn. */
  inkRatio: number;
};

export type ChartRenderer = { render(spec: TopLevelSpec): Promise<RenderedChart> };

/** Below this share of drawn pixels a chart is treated as blank (an empty frame or a failed render). */
export const MIN_INK_RATIO = 0.01;

export function createChartRenderer(opts: { width?: number; height?: number; pixelRatio?: number } = {}): ChartRenderer {
  const width = opts.width ?? CHART_WIDTH;
  const height = opts.height ?? CHART_HEIGHT;
  const ratio = opts.pixelRatio ?? PIXEL_RATIO;
  const resvgOptions = {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    fitTo: { mode: 'zoom' as const, value: ratio },
    background: '#FFFFFF',
    logLevel: 'off' as const,
  };
  return {
    async render(spec) {
      // 'fit' with padding contained makes the whole picture exactly width × height, whatever the labels.
      // Vega-Lite cannot fit a composite (facets, concatenations): it sizes its panels itself and grows around them.
      const composite = ['facet', 'vconcat', 'hconcat', 'concat', 'repeat'].some((k) => k in spec);
      const size = composite ? { autosize: { type: 'pad' } } : { width, height, autosize: { type: 'fit', contains: 'padding' } };
      const sized = { ...spec, ...size, config: { ...chartConfig, ...spec.config } } as TopLevelSpec;
      const view = new vega.View(vega.parse(compile(sized, { logger: QUIET }).spec), { renderer: 'none', logLevel: vega.None });
      const svg = await view.toSVG();
      view.finalize();
      // Rasterising off the main thread lets several charts of one digest render in parallel.
      const image = await renderAsync(svg, resvgOptions);
      const pixels = image.pixels; // a copy on every read
      return { png: await encodePng(pixels, image.width, image.height), width: image.width, height: image.height, inkRatio: inkRatio(pixels, image.width) };
    },
  };
}

/**
 * Share of RGBA pixels that are not the (white) background. With `width` given, every other
 * pixel of every other row is read: at 2x density nothing visible is narrower than 2 px.
 * Most pixels are opaque white, which one 32-bit read settles (0xFFFFFFFF in either byte order)
 * instead of four byte checks.
 */
export function inkRatio(rgba: Buffer, width?: number): number {
  const step = width ? 2 : 1;
  const total = rgba.length >> 2;
  const rowPixels = width ?? total;
  const bytes = rgba.byteOffset % 4 === 0 ? rgba : Buffer.from(rgba);
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, total);
  let ink = 0;
  let n = 0;
  for (let row = 0; row < total; row += rowPixels * step) {
    const end = Math.min(row + rowPixels, total);
    for (let i = row; i < end; i += step) {
      n++;
      if (words[i] === 0xffffffff) continue;
      const b = i * 4;
      if (bytes[b] < 250 || bytes[b + 1] < 250 || bytes[b + 2] < 250) ink++;
    }
  }
  return n === 0 ? 0 : ink / n;
}
