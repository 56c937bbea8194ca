import type { FlowFigureView, FlowView } from '../handlers/flow/flow-view.ts';

/** Shared words of the flow cards on both surfaces. */
export const flowTitle = (view: FlowView) => (view.personal ? 'Your flow' : `Flow: ${view.scopeLabel}`);

export const flowSubtitle = (view: FlowView) =>
  `${view.rangeLabel} · ${view.ageMode === 'working' ? 'working hours' : 'calendar time'}`;

const TREND_MARK = { better: '(better)', worse: '(worse)', same: '' } as const;

/** `▲ vs 3 h before (worse)`: the trend and whether it is for the better. */
export const trendText = (figure: FlowFigureView) =>
  figure.trend ? [figure.trend, TREND_MARK[figure.direction ?? 'same']].filter(Boolean).join(' ') : '';

export const AGING_TITLE = "Aging: past their type's 85th percentile";
