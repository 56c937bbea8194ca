import type { FlowConfig, FlowIssue, FlowState } from './flow-types.ts';

export interface StatusSpell {
  status: string;
  state: FlowState;
  from: Date;
  /** Absent for the spell the issue is still in. */
  to?: Date;
}

/**
 * Whether a status is active, waiting or done: the configured override, else by category (in progress is
 * active, to do is waiting, done is done). A status of unknown category counts as waiting, never as work.
 */
export function flowStateOf(status: string, config: FlowConfig): FlowState {
  const wanted = status.trim().toLowerCase();
  const override = Object.entries(config.statusStates ?? {}).find(([name]) => name.toLowerCase() === wanted);
  if (override) return override[1];
  const category = Object.entries(config.statusCategories).find(
    ([name]) => name.toLowerCase() === wanted,
  )?.[1];
  return category === 'indeterminate' ? 'active' : category === 'done' ? 'done' : 'waiting';
}

/** The issue's history as consecutive spells in one status each, oldest first, whatever order it arrived in. */
export function readStatusSpells(issue: FlowIssue, config: FlowConfig): StatusSpell[] {
  const transitions = [...issue.transitions].sort((a, b) => a.at.getTime() - b.at.getTime());
  const spells: StatusSpell[] = [];
  let status = issue.initialStatus;
  let from = issue.createdAt;
  for (const transition of transitions) {
    spells.push({ status, state: flowStateOf(status, config), from, to: transition.at });
    status = transition.to;
    from = transition.at;
  }
  spells.push({ status, state: flowStateOf(status, config), from });
  return spells;
}

/** When work started (first entry into an active status) and finished (the last entry into done, if it ends there). */
export function findWorkSpan(spells: readonly StatusSpell[]): { startedAt?: Date; doneAt?: Date } {
  const startedAt = spells.find((spell) => spell.state === 'active')?.from;
  const last = spells[spells.length - 1];
  const doneAt = last?.state === 'done' ? last.from : undefined;
  return { ...(startedAt ? { startedAt } : {}), ...(doneAt ? { doneAt } : {}) };
}
