import type { AgeMode } from '../metrics/flow-types.ts';
import type { FlowAnswer, PersonalFlow } from '../metrics/measure-flow.ts';
import { describeDuration, describePercent, plural } from './describe-flow.ts';
import type { FlowFigureId } from './flow-view.ts';

export interface FigureBasis {
  label: string;
  basis: string;
  /** Largest first: the items that pull the figure up. */
  items: { ref: string; value: string }[];
}

const byValue = <T>(items: readonly T[], valueOf: (item: T) => number) =>
  [...items].sort((a, b) => valueOf(b) - valueOf(a));

const HOURS_NOTE: Record<AgeMode, string> = {
  calendar: 'Times are calendar time.',
  working: "Times count the team's working hours only (no nights, weekends or public holidays).",
};

/** What a team figure rests on: how it is computed and the PRs or issues behind it, never who did them. */
export function explainFlowFigure(answer: FlowAnswer, id: FlowFigureId, mode: AgeMode): FigureBasis {
  const time = (ms: number) => describeDuration(ms, mode);
  const { cycle } = answer;
  const phase = (
    label: string,
    basis: string,
    key: 'codingMs' | 'pickupMs' | 'reviewMs' | 'deployMs' | 'cycleMs',
  ) => {
    const items = cycle.items.filter((item) => item[key] !== undefined);
    return {
      label,
      basis: `${basis} Median (p50) over ${plural(items.length, 'PR')} merged in the range. ${HOURS_NOTE[mode]}`,
      items: byValue(items, (item) => item[key]!).map((item) => ({ ref: item.ref, value: time(item[key]!) })),
    };
  };
  switch (id) {
    case 'cycle':
      return phase('PR cycle time', 'From the first commit to the merge.', 'cycleMs');
    case 'coding':
      return phase('Coding', 'From the first commit (or the opening) to ready for review.', 'codingMs');
    case 'pickup':
      return phase(
        'Pickup',
        'From ready for review to the first review; PRs merged unreviewed have none.',
        'pickupMs',
      );
    case 'review':
      return phase('Review', 'From the first review to the merge.', 'reviewMs');
    case 'deploy':
      return phase(
        'Deploy',
        "From the merge to the repository's next successful production deployment (DORA's lead time links by commit instead).",
        'deployMs',
      );
    case 'turnaround':
      return {
        label: 'Review turnaround',
        basis: `From ready for review to each reviewer's first review of the PR, for first reviews given in the range; re-reviews are left out. ${HOURS_NOTE[mode]}`,
        items: byValue(answer.reviewTurnaround.items, (item) => item.turnaroundMs).map((item) => ({
          ref: item.ref,
          value: time(item.turnaroundMs),
        })),
      };
    case 'size':
      return {
        label: 'PR size',
        basis: `Lines changed (additions + deletions) of the PRs merged in the range: XS ≤ 10, S ≤ 50, M ≤ 250, L ≤ 1000, XL more.${answer.prSize.unknown > 0 ? ` ${plural(answer.prSize.unknown, 'PR')} without a known size left out.` : ''}`,
        items: byValue(answer.prSize.items, (item) => item.lines).map((item) => ({
          ref: item.ref,
          value: `${item.lines} lines (${item.bucket.toUpperCase()})`,
        })),
      };
    case 'wip':
      return {
        label: 'Work in progress',
        basis:
          'Open PRs (drafts included) and Jira issues started and not done, blocked ones included, at the end of the range.',
        items: answer.wip.items.map((item) => ({ ref: item.ref, value: item.type })),
      };
    case 'aging':
      return {
        label: 'Aging WIP',
        basis: `Each item in progress, its age against the 50th, 85th and 95th percentiles of the cycle times of its type's finished items (5 at least). ${HOURS_NOTE[mode]}`,
        items: answer.agingWip.items.map((item) => ({
          ref: item.id,
          value: `${time(item.ageMs)}${item.passed ? `, past ${item.passed}` : ''}`,
        })),
      };
    case 'efficiency':
      return {
        label: 'Flow efficiency',
        basis: `Active time ÷ (active + waiting) of the Jira issues finished in the range, from their first active status to done. Statuses are active or waiting by category (in progress is active), unless configured by name. ${HOURS_NOTE[mode]}`,
        items: byValue(answer.flowEfficiency.items, (item) => item.waitingMs).map((item) => ({
          ref: item.key,
          value: `${describePercent(item.efficiency)} active, waited ${time(item.waitingMs)}`,
        })),
      };
    case 'throughput':
      return {
        label: 'Throughput',
        basis: 'PRs merged and Jira issues done (their final move to done) in the range.',
        items: answer.throughput.items.map((item) => ({
          ref: item.ref,
          value: item.doneAt.toISOString().slice(0, 10),
        })),
      };
  }
}

/** The same for the asker's own figures (their WIP and review turnaround), shown to them alone. */
export function explainPersonalFigure(
  mine: PersonalFlow,
  id: FlowFigureId,
  mode: AgeMode,
): FigureBasis | undefined {
  if (id === 'wip') {
    return {
      label: 'Your work in progress',
      basis: 'Your open PRs and the Jira issues assigned to you that are started and not done.',
      items: mine.wip.items.map((item) => ({ ref: item.ref, value: item.type })),
    };
  }
  if (id === 'turnaround') {
    return {
      label: 'Your review turnaround',
      basis: `From ready for review to your first review of each PR. ${HOURS_NOTE[mode]}`,
      items: byValue(mine.reviewTurnaround.items, (item) => item.turnaroundMs).map((item) => ({
        ref: item.ref,
        value: describeDuration(item.turnaroundMs, mode),
      })),
    };
  }
  return undefined;
}
