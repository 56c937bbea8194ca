/**
 * Draws a chart spec to an image on the server: Vega-Lite → Vega → SVG (vega's headless View) → PNG (resvg).
 * Offline by construction: data is inline, the loader refuses every URL, and the font is a TTF from node_modules.
 */
import { createRequire } from 'node:module';
import { Resvg, type RenderedImage } from '@resvg/resvg-js';
import { logger, loader as vegaLoader, parse, View, Warn } from 'vega';
import { compile } from 'vega-lite';
import { BACKGROUND, CHART_FONT } from './theme.ts';
import type { ChartSize, ChartSpec } from './types.ts';

const require = createRequire(import.meta.url);
const FONT_FILES = ['400Regular/Inter_400Regular.ttf', '700Bold/Inter_700Bold.ttf'].map((file) =>
  require.resolve(`@expo-google-fonts/inter/${file}`),
);

/**
 * A logger that keeps warnings and errors instead of printing them: Vega only warns on a failed load and
 * Vega-Lite only warns when it drops part of a spec, and both still draw the rest. Our specs are ours, so any
 * such message is a bug, and the render fails with it.
 */
function createRecordingLogger(problems: string[]) {
  const recording = logger(Warn);
  const record = (...args: readonly unknown[]) => {
    problems.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '));
    return recording;
  };
  recording.warn = record;
  recording.error = record;
  return recording;
}

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
  const problems: string[] = [];
  const log = createRecordingLogger(problems);
  const view = new View(parse(compile(sized, { logger: log }).spec), {
    renderer: 'none',
    loader: createOfflineLoader(),
    logger: log,
  });
  try {
    const svg = await view.toSVG();
    // A chart drawn past a problem would be wrong or half-empty: better no image and a clear error.
    if (problems.length > 0) throw new Error(`chart failed to render: ${problems.join('; ')}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/** An SVG drawn to pixels with the bundled font only (no system fonts: the same output on every machine). */
export function rasteriseChartSvg(svg: string, size: ChartSize): RenderedImage {
  const resvg = new Resvg(svg, {
    background: BACKGROUND,
    fitTo: { mode: 'width', value: Math.round(size.width * (size.pixelRatio ?? 2)) },
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT },
  });
  return resvg.render();
}

/** The chart as a PNG of `width·pixelRatio`×`height·pixelRatio` pixels, ready to upload. */
export async function renderChartPng(spec: ChartSpec, size: ChartSize): Promise<Buffer> {
  return rasteriseChartSvg(await renderChartSvg(spec, size), size).asPng();
}
