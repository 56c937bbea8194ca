/** The sprint-health answer as both surfaces show it: plain lines, computed once here. */
import type { SprintHealth, SprintItem, VerdictLevel, WorkCount } from './types.ts';

export interface SprintViewItem {
  key: string;
  title: string;
  detail: string;
}

export interface SprintViewSection {
  title: string;
  items: SprintViewItem[];
  /** Items beyond those listed. */
  more: number;
}

/** A burndown ready to draw (cards/charts/burndown-chart.ts): days with what was left, beside the ideal line. */
export interface SprintBurndownData {
  sprintName: string;
  unit: 'points' | 'issues';
  days: { day: string; remaining?: number; ideal: number }[];
}

/** `sprint`: one sprint's health, compact, with the reasons and the items behind them for "Why?". */
export interface SprintHealthView {
  kind: 'sprint-health';
  sprintId: number;
  sprintName: string;
  goal?: string;
  /** "Oct 5 – Oct 19 · day 7 of 10 working days" or "Oct 5 – Oct 19 · closed Oct 19". */
  dates: string;
  verdict: { level: VerdictLevel; label: string };
  /** Worst first. */
  reasons: string[];
  facts: { title: string; value: string }[];
  /** Added, removed, not done, blocked, carried over: shown by "Why?". */
  sections: SprintViewSection[];
  burndown: SprintBurndownData;
  /** The burndown drawn as a PNG data URL, added by the edge that can show images (Teams). */
  chartImage?: { dataUrl: string; altText: string };
  /** How the start was known, when not by the start snapshot. */
  basisNote?: string;
  /** Other active sprints, and how to ask for them. */
  note?: string;
  /** The command the Why button sends. */
  whyCommand: string;
  /** True when shown after "Why?": the reasons and items come in full. */
  expanded: boolean;
}

const SECTION_LIMIT = 8;
export const VERDICT_LABELS: Readonly<Record<VerdictLevel, string>> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
};

const DAY_FORMAT = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const formatDay = (date: Date | undefined) => (date ? DAY_FORMAT.format(date) : '?');
const formatNumber = (value: number) => String(Math.round(value * 10) / 10);
const plural = (count: number, noun: string) => `${formatNumber(count)} ${noun}${count === 1 ? '' : 's'}`;

function work(count: WorkCount, unit: SprintHealth['unit']): string {
  return unit === 'points'
    ? `${plural(count.issues, 'issue')} · ${plural(count.points, 'point')}`
    : plural(count.issues, 'issue');
}

const pointsOf = (item: SprintItem) => (item.points === undefined ? undefined : plural(item.points, 'point'));

function section<T extends SprintItem>(
  title: string,
  items: readonly T[],
  detail: (item: T) => string | undefined,
): SprintViewSection[] {
  if (items.length === 0) return [];
  return [
    {
      title,
      items: items.slice(0, SECTION_LIMIT).map((item) => ({
        key: item.key,
        title: item.summary ?? '',
        detail: detail(item) ?? '',
      })),
      more: Math.max(0, items.length - SECTION_LIMIT),
    },
  ];
}

function basisNoteOf(health: SprintHealth): string | undefined {
  const { basis } = health;
  if (basis.snapshot === 'webhook' && basis.assumed === 0) return undefined;
  const start =
    basis.snapshot === 'none'
      ? 'No snapshot was taken at the start (the sprint_started webhook did not reach em-agent)'
      : basis.snapshot === 'late'
        ? 'The start snapshot was taken late'
        : 'The start snapshot was taken on time';
  const assumed =
    basis.assumed > 0
      ? `; ${plural(basis.assumed, 'issue')} without sprint history ${basis.assumed === 1 ? 'is' : 'are'} counted as committed from ${basis.assumed === 1 ? 'its' : 'their'} current sprint field`
      : '';
  return `${start}: the start comes from ${plural(basis.fromHistory, 'issue')}' sprint history${assumed}.`;
}

/** The view of one sprint's health; `whyCommand` is what the Why button sends on this surface. */
export function buildSprintHealthView(
  health: SprintHealth,
  options: { whyCommand: string; expanded: boolean; note?: string },
): SprintHealthView {
  const { sprint, unit } = health;
  const name = sprint.name ?? `Sprint ${sprint.sprintId}`;
  const workingDays = health.closed
    ? `closed ${formatDay(health.asOf)}`
    : `${Math.round(health.elapsed * 100)}% of the working time gone`;
  const carriedTwice = health.carryOver.items.filter((item) => item.sprints >= 2).length;
  const oldest = health.blocked[0];
  const facts = [
    { title: 'Committed', value: work(health.committed, unit) },
    { title: health.closed ? 'Completed' : 'Done so far', value: work(health.completed, unit) },
    { title: 'Added after start', value: work(health.added, unit) },
    { title: 'Removed after start', value: work(health.removed, unit) },
    { title: health.closed ? 'Not done at close' : 'Not done yet', value: work(health.notDone, unit) },
    {
      title: 'Carried over',
      value: `${plural(health.carryOver.issues, 'issue')}${carriedTwice ? ` (${carriedTwice} for 2+ sprints)` : ''}`,
    },
    {
      title: 'Blocked',
      value:
        health.blocked.length === 0
          ? 'none'
          : `${plural(health.blocked.length, 'issue')}${oldest?.workingDays !== undefined ? ` (longest ${plural(oldest.workingDays, 'working day')})` : ''}`,
    },
  ];
  const basisNote = basisNoteOf(health);
  return {
    kind: 'sprint-health',
    sprintId: sprint.sprintId,
    sprintName: name,
    ...(sprint.goal ? { goal: sprint.goal } : {}),
    dates: `${formatDay(sprint.startDate)} – ${formatDay(sprint.endDate)} · ${workingDays}`,
    verdict: { level: health.verdict.level, label: VERDICT_LABELS[health.verdict.level] },
    reasons: health.verdict.reasons.map((reason) => reason.text),
    facts,
    sections: [
      ...section('Blocked', health.blocked, (item) =>
        [
          item.reason === 'flagged' ? 'flagged' : 'blocked status',
          item.workingDays === undefined ? 'since an unknown time' : plural(item.workingDays, 'working day'),
        ].join(' · '),
      ),
      ...section('Added after the start', health.added.items, pointsOf),
      ...section('Removed after the start', health.removed.items, pointsOf),
      ...section(health.closed ? 'Not done at the close' : 'Not done yet', health.notDone.items, pointsOf),
      ...section('Carried over', health.carryOver.items, (item) => plural(item.sprints, 'earlier sprint')),
    ],
    burndown: {
      sprintName: name,
      unit,
      days: health.burndown.map((point) => ({
        day: point.day,
        ideal: point.ideal,
        ...(point.remaining === undefined ? {} : { remaining: point.remaining }),
      })),
    },
    ...(basisNote ? { basisNote } : {}),
    ...(options.note ? { note: options.note } : {}),
    whyCommand: options.whyCommand,
    expanded: options.expanded,
  };
}
