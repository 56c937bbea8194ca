/** The verdict on a sprint (on track, at risk, off track), with every reason in plain words. */
import type { SprintHealth, Verdict, VerdictLevel, VerdictReason } from './types.ts';

/** The rules' thresholds, in one place (docs/sprint-health.md states them in words). */
export const VERDICT_RULES = {
  /** Behind the ideal line by this share of the scope: at risk, then off track. */
  behindAtRisk: 0.1,
  behindOffTrack: 0.25,
  /** Pace is judged once this share of the working time has gone; before, the sprint is "early days". */
  judgePaceAfter: 0.2,
  /** Net scope growth after the start, as a share of the commitment. */
  growthAtRisk: 0.1,
  growthOffTrack: 0.25,
  /** A blocked item this many working days old, or this many blocked items, puts the sprint at risk. */
  blockedDays: 2,
  blockedItems: 3,
  /** A closed sprint that completed at least this share of its commitment met it; below `closedOffTrack`, off. */
  closedOnTrack: 0.8,
  closedOffTrack: 0.5,
} as const;

type Measured = Omit<SprintHealth, 'verdict'>;

const RANK: Record<VerdictReason['severity'], number> = { ok: 0, 'at-risk': 1, 'off-track': 2 };
const percent = (share: number) => `${Math.round(share * 100)}%`;
const formatNumber = (value: number) => String(Math.round(value * 10) / 10);

function amount(value: number, unit: Measured['unit']): string {
  const noun = unit === 'points' ? 'point' : 'issue';
  return `${formatNumber(value)} ${noun}${value === 1 ? '' : 's'}`;
}

const keysOf = (items: readonly { key: string }[], max = 3) =>
  items.length <= max
    ? items.map((item) => item.key).join(', ')
    : `${items
        .slice(0, max)
        .map((item) => item.key)
        .join(', ')} and ${items.length - max} more`;

const measure = (count: { issues: number; points: number }, unit: Measured['unit']) =>
  unit === 'points' ? count.points : count.issues;

function paceReason(health: Measured): VerdictReason {
  const { unit, elapsed } = health;
  const done = measure(health.completed, unit);
  const scope = done + measure(health.notDone, unit);
  const gone = `${percent(elapsed)} of the working time gone`;
  const end = health.sprint.endDate;
  if (end && health.asOf > end && measure(health.notDone, unit) > 0) {
    return {
      severity: 'off-track',
      text: `The sprint is past its end date with ${amount(scope - done, unit)} not done.`,
    };
  }
  const progress = `${formatNumber(done)} of ${amount(scope, unit)} done with ${gone}`;
  if (elapsed < VERDICT_RULES.judgePaceAfter) return { severity: 'ok', text: `Early days: ${progress}.` };
  const behind = scope - done - scope * (1 - elapsed);
  const share = scope > 0 ? behind / scope : 0;
  if (share >= VERDICT_RULES.behindOffTrack || share >= VERDICT_RULES.behindAtRisk) {
    return {
      severity: share >= VERDICT_RULES.behindOffTrack ? 'off-track' : 'at-risk',
      text: `${progress}: ${amount(behind, unit)} behind the ideal line.`,
    };
  }
  return { severity: 'ok', text: `On pace: ${progress}.` };
}

function outcomeReason(health: Measured): VerdictReason {
  const { unit } = health;
  const committed = measure(health.committed, unit);
  const done = measure(health.completedOfCommitted, unit);
  const share = committed > 0 ? done / committed : 1;
  const text = `It completed ${formatNumber(done)} of the ${amount(committed, unit)} committed (${percent(share)}).`;
  if (share >= VERDICT_RULES.closedOnTrack) return { severity: 'ok', text };
  return { severity: share >= VERDICT_RULES.closedOffTrack ? 'at-risk' : 'off-track', text };
}

function scopeReason(health: Measured): VerdictReason | undefined {
  const { unit } = health;
  const committed = measure(health.committed, unit);
  const added = measure(health.added, unit);
  const removed = measure(health.removed, unit);
  if (committed === 0) {
    return added > 0
      ? {
          severity: 'at-risk',
          text: `Nothing was in the sprint at its start; ${amount(added, unit)} came later.`,
        }
      : { severity: 'at-risk', text: 'The sprint has no issues.' };
  }
  if (added === 0 && removed === 0) return { severity: 'ok', text: 'No scope changed after the start.' };
  const growth = (added - removed) / committed;
  const change = `${amount(added, unit)} added and ${amount(removed, unit)} removed after the start`;
  if (growth >= VERDICT_RULES.growthAtRisk) {
    return {
      severity: growth >= VERDICT_RULES.growthOffTrack ? 'off-track' : 'at-risk',
      text: `Scope grew by ${percent(growth)} of the commitment: ${change}.`,
    };
  }
  return { severity: 'ok', text: `Scope held: ${change}.` };
}

function blockedReason(health: Measured): VerdictReason | undefined {
  if (health.blocked.length === 0) return undefined;
  const old = health.blocked.filter((item) => (item.workingDays ?? 0) >= VERDICT_RULES.blockedDays);
  const [oldest] = [...health.blocked].sort((a, b) => (b.workingDays ?? 0) - (a.workingDays ?? 0));
  const age =
    oldest?.workingDays === undefined
      ? ''
      : `, the longest (${oldest.key}) for ${formatNumber(oldest.workingDays)} working days`;
  const text = `${health.blocked.length === 1 ? '1 item is' : `${health.blocked.length} items are`} blocked (${keysOf(health.blocked)})${age}.`;
  const risky = old.length > 0 || health.blocked.length >= VERDICT_RULES.blockedItems;
  return { severity: risky ? 'at-risk' : 'ok', text };
}

function carryReason(health: Measured): VerdictReason | undefined {
  const repeated = health.carryOver.items.filter((item) => item.sprints >= 2);
  if (repeated.length > 0) {
    return {
      severity: 'at-risk',
      text: `${keysOf(repeated)} ${repeated.length === 1 ? 'has' : 'have'} been carried over 2 or more sprints.`,
    };
  }
  if (health.carryOver.issues > 0) {
    return { severity: 'ok', text: `${health.carryOver.issues} carried over from the previous sprint.` };
  }
  return undefined;
}

/** The worst reason decides; the reasons come worst first, then in the order above. */
export function judgeSprint(health: Measured): Verdict {
  const reasons = [
    health.closed ? outcomeReason(health) : paceReason(health),
    scopeReason(health),
    blockedReason(health),
    carryReason(health),
  ]
    .filter((reason): reason is VerdictReason => reason !== undefined)
    .map((reason, index) => ({ reason, index }))
    .sort((a, b) => RANK[b.reason.severity] - RANK[a.reason.severity] || a.index - b.index)
    .map(({ reason }) => reason);
  const worst = reasons[0]?.severity ?? 'ok';
  const level: VerdictLevel = worst === 'ok' ? 'on-track' : worst;
  return { level, reasons };
}
