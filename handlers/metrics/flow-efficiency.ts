import { compareText } from './compare-text.ts';
import { calendarDuration, type FlowConfig, type FlowIssue, type MeasureDuration } from './flow-types.ts';
import { findWorkSpan, readStatusSpells } from './status-spells.ts';
import type { TimeRange } from './types.ts';

export interface FlowEfficiency {
  /** Active time ÷ (active + waiting) over the issues finished in the range, or null without any. */
  efficiency: number | null;
  activeMs: number;
  waitingMs: number;
  items: { key: string; activeMs: number; waitingMs: number; efficiency: number | null }[];
  /** Finished in the range without ever being in an active status (moved straight to done): left out. */
  neverActive: number;
}

/**
 * Flow efficiency of the issues finished in the range: between work starting (first active status) and
 * finishing (the final move to done), the share of time spent in active statuses. Time back in a to-do
 * status, or in one configured as waiting (review queues, blocked), waits; an earlier visit to done that was
 * reopened waits too. Durations are calendar or working time (`measure`).
 */
export function measureFlowEfficiency(
  issues: readonly FlowIssue[],
  config: FlowConfig,
  range: TimeRange,
  measure: MeasureDuration = calendarDuration,
): FlowEfficiency {
  const items: FlowEfficiency['items'] = [];
  let neverActive = 0;
  const sorted = [...issues].sort((a, b) => compareText(a.key, b.key));
  for (const issue of sorted) {
    const spells = readStatusSpells(issue, config);
    const { startedAt, doneAt } = findWorkSpan(spells);
    if (!doneAt || doneAt < range.from || doneAt >= range.to) continue;
    if (!startedAt) {
      neverActive += 1;
      continue;
    }
    let activeMs = 0;
    let waitingMs = 0;
    for (const spell of spells) {
      if (!spell.to || spell.to <= startedAt || spell.from >= doneAt) continue;
      const from = spell.from < startedAt ? startedAt : spell.from;
      const to = spell.to > doneAt ? doneAt : spell.to;
      const spent = measure(from, to);
      if (spell.state === 'active') activeMs += spent;
      else waitingMs += spent;
    }
    const total = activeMs + waitingMs;
    items.push({ key: issue.key, activeMs, waitingMs, efficiency: total === 0 ? null : activeMs / total });
  }
  const activeMs = items.reduce((sum, item) => sum + item.activeMs, 0);
  const waitingMs = items.reduce((sum, item) => sum + item.waitingMs, 0);
  return {
    efficiency: activeMs + waitingMs === 0 ? null : activeMs / (activeMs + waitingMs),
    activeMs,
    waitingMs,
    items,
    neverActive,
  };
}
