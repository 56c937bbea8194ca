/** The look every chart shares: light background, one bundled font, the Okabe–Ito colour-blind-safe palette. */
import type { Config } from 'vega-lite';

export const CHART_FONT = 'Inter';

/** Okabe & Ito (2008): distinguishable with every common colour-vision deficiency. */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  sky: '#56B4E9',
  grey: '#6B6B6B',
} as const;

export const BACKGROUND = '#FFFFFF';

export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: BACKGROUND,
  padding: 12,
  view: { stroke: null },
  title: { fontSize: 15, fontWeight: 'bold', color: '#1D1C1D', anchor: 'start', offset: 10 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    labelColor: '#333333',
    titleColor: '#333333',
    gridColor: '#E6E6E6',
    domainColor: '#999999',
    tickColor: '#999999',
  },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'top', title: null, labelLimit: 260 },
  text: { font: CHART_FONT },
};
