/**
 * Draws a chart spec to an image on the server: Vega-Lite → Vega → SVG (vega's headless View) → PNG (resvg).
 * Offline by construction: data is inline, the loader refuses every URL, and the font is a TTF from node_modules.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { loader as vegaLoader, parse, View } from 'vega';
import { compile } from 'vega-lite';
import { BACKGROUND, CHART_FONT } from './theme.ts';
import type { ChartSize, ChartSpec } from './types.ts';

const require = createRequire(import.meta.url);
const FONT_FILES = ['400Regular/Inter_400Regular.ttf', '700Bold/Inter_700Bold.ttf'].map((file) =>
  require.resolve(`@expo-google-fonts/inter/${file}`),
);

/** A Vega loader that fetches nothing: a spec naming a data or image URL fails instead of reaching out. */
function createOfflineLoader() {
  const offline = vegaLoader();
  const refuse = (uri: string) => Promise.reject(new Error(`charts render offline; refused to load ${uri}`));
  offline.load = refuse;
  offline.sanitize = refuse;
  return offline;
}

function assertSize({ width, height, pixelRatio = 2 }: ChartSize): void {
  const ok = (value: number, max: number) => Number.isFinite(value) && value > 0 && value <= max;
  if (!ok(width, 2000) || !ok(height, 2000) || !ok(pixelRatio, 4)) {
    throw new RangeError(`chart size out of range: ${width}×${height} at ${pixelRatio}x`);
  }
}

/** The chart as an SVG document of exactly `width`×`height` CSS pixels. */
export async function renderChartSvg(spec: ChartSpec, size: ChartSize): Promise<string> {
  assertSize(size);
  const sized = {
    ...spec,
    width: size.width,
    height: size.height,
    autosize: { type: 'fit', contains: 'padding' },
  } as ChartSpec;
  const view = new View(parse(compile(sized).spec), { renderer: 'none', loader: createOfflineLoader() });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG of `width·pixelRatio`×`height·pixelRatio` pixels, ready to upload. */
export async function renderChartPng(spec: ChartSpec, size: ChartSize): Promise<Buffer> {
  const svg = await renderChartSvg(spec, size);
  const resvg = new Resvg(svg, {
    background: BACKGROUND,
    fitTo: { mode: 'width', value: Math.round(size.width * (size.pixelRatio ?? 2)) },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT },
  });
  return resvg.render().asPng();
}
