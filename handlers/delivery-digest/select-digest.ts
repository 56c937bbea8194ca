import { formatDuration, formatShare, plural } from '../metrics/format-figure.ts';
import type { DeliveryDigestView, DigestChange, DigestInput } from './types.ts';

/**
 * When a change is worth a line: a relative move of at least a quarter (durations, counts), and for counts at
 * least this many items, so 1 → 2 deployments is not news. Change failure rate moves by points.
 */
export const NOTABLE = { relative: 0.25, minCount: 3, failureRatePoints: 0.05 } as const;
/** Below this share of merged PRs linked to a deployment, lead time reads too few changes to trust. */
export const LOW_COVERAGE = 0.8;
/** Aging items named in the digest; the rest are counted. */
const AGING_NAMED = 3;

const movedBy = (current: number, previous: number) =>
  Math.abs(current - previous) / Math.max(Math.abs(current), Math.abs(previous), Number.MIN_VALUE);

/** "up from 5" / "down from 5". */
const direction = (current: number, previous: number, format: (value: number) => string) =>
  `${current > previous ? 'up' : 'down'} from ${format(previous)}`;

function countChange(
  figure: 'deployments' | 'throughput' | 'wip',
  current: number,
  previous: number,
): DigestChange | undefined {
  if (Math.max(current, previous) < NOTABLE.minCount || Math.abs(current - previous) < NOTABLE.minCount) {
    return undefined;
  }
  if (movedBy(current, previous) < NOTABLE.relative) return undefined;
  const up = current > previous;
  const moved = direction(current, previous, String);
  switch (figure) {
    case 'deployments':
      return {
        figure,
        text: `Deployments: ${current}, ${moved}.`,
        why: up
          ? 'Shipping more often means smaller changes, each easier to check and to roll back.'
          : 'Fewer deployments means changes wait longer and go out in bigger, riskier batches.',
        better: up,
      };
    case 'throughput':
      return {
        figure,
        text: `Finished work (PRs merged, issues done): ${current}, ${moved}.`,
        why: up
          ? 'More work reached done: check it was the planned work, not only small items.'
          : 'Less work reached done: look for work stuck in review, blocked, or started but not finished.',
        better: up,
      };
    case 'wip':
      return {
        figure,
        text: `Work in progress at the week's end: ${current}, ${moved}.`,
        why: up
          ? 'More work open at once spreads attention thin and makes each item take longer.'
          : 'Less work open at once usually means each item finishes sooner.',
        better: !up,
      };
  }
}

function durationChange(
  figure: 'lead-time' | 'time-to-restore',
  current: number | null,
  previous: number | null,
): DigestChange | undefined {
  if (current === null || previous === null || movedBy(current, previous) < NOTABLE.relative)
    return undefined;
  const up = current > previous;
  const moved = direction(current, previous, formatDuration);
  if (figure === 'lead-time') {
    return {
      figure,
      text: `Lead time for changes (median): ${formatDuration(current)}, ${moved}.`,
      why: up
        ? 'Merged work takes longer to reach production: fixes and features wait longer for users.'
        : 'Merged work reaches production sooner, so feedback from users comes sooner too.',
      better: !up,
    };
  }
  return {
    figure,
    text: `Time to restore service (median): ${formatDuration(current)}, ${moved}.`,
    why: up
      ? 'Incidents lasted longer: users were affected for longer before service came back.'
      : 'Incidents were resolved faster, so users were affected for less time.',
    better: !up,
  };
}

function failureRateChange(current: number | null, previous: number | null): DigestChange | undefined {
  if (current === null || previous === null) return undefined;
  if (Math.abs(current - previous) < NOTABLE.failureRatePoints) return undefined;
  const up = current > previous;
  return {
    figure: 'change-failure-rate',
    text: `Change failure rate: ${formatShare(current)}, ${direction(current, previous, formatShare)}.`,
    why: up
      ? 'More deployments caused a failure in production: each one costs users and the team time to fix.'
      : 'Fewer deployments caused a failure in production: changes are landing more safely.',
    better: !up,
  };
}

function agingChange(aging: DigestInput['aging']): DigestChange | undefined {
  if (aging.length === 0) return undefined;
  const named = aging
    .slice(0, AGING_NAMED)
    .map((item) => `${item.ref} (${item.age})`)
    .join(', ');
  const more = aging.length > AGING_NAMED ? ` and ${aging.length - AGING_NAMED} more` : '';
  return {
    figure: 'aging',
    text: `${plural(aging.length, 'item has', 'items have')} been in progress longer than 85% of past work: ${named}${more}.`,
    why: 'Work that ages rarely speeds up by itself: a look, a split or a helping hand now keeps it from stalling.',
    better: false,
  };
}

function sprintChange(sprint: DigestInput['sprint']): DigestChange | undefined {
  if (!sprint) return undefined;
  const level = { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track' }[sprint.level];
  const reason = sprint.reason ? ` ${sprint.reason}` : '';
  return {
    figure: 'sprint',
    text: `Sprint ${sprint.name} is ${level}.${reason}`,
    why:
      sprint.level === 'on-track'
        ? 'The commitment looks reachable: keep scope steady to keep it that way.'
        : 'Deciding now what to drop or where to help beats finding out at the review.',
    better: sprint.level === 'on-track' ? null : false,
  };
}

/**
 * The digest's headlines, most important first: production safety (failures, restore), then speed (lead time,
 * deployments), then flow (throughput, WIP, aging), then the sprint when it needs attention. Only changes
 * past the NOTABLE thresholds are listed; when none are, one line says the week was steady.
 */
export function selectDigest(input: DigestInput): DeliveryDigestView {
  const { current, previous } = input;
  const sprint = sprintChange(input.sprint);
  const changes = [
    failureRateChange(current.changeFailureRate, previous.changeFailureRate),
    durationChange('time-to-restore', current.timeToRestoreP50, previous.timeToRestoreP50),
    durationChange('lead-time', current.leadTimeP50, previous.leadTimeP50),
    countChange('deployments', current.deployments, previous.deployments),
    countChange('throughput', current.throughput, previous.throughput),
    countChange('wip', current.wip, previous.wip),
    agingChange(input.aging),
    sprint && sprint.better === false ? sprint : undefined,
  ].filter((change): change is DigestChange => change !== undefined);
  const notes: string[] = [];
  const { share } = current.prCoverage;
  if (share !== null && share < LOW_COVERAGE) {
    notes.push(
      `Only ${formatShare(share)} of merged PRs are linked to a deployment, so lead time reads those alone: the dora answer lists the rest under its Why button.`,
    );
  }
  if (sprint && sprint.better !== false) notes.push(sprint.text);
  const base = { kind: 'delivery-digest' as const, team: input.team, from: input.from, to: input.to, notes };
  if (changes.length > 0) return { ...base, changes };
  const steady = `Nothing notable changed: ${plural(current.deployments, 'deployment')} and ${current.throughput} finished ${current.throughput === 1 ? 'item' : 'items'}, close to the week before.`;
  return { ...base, changes: [], quiet: steady };
}
