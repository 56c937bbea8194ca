/** A check run or workflow run as the ci_runs facts hold it. */
export interface RunFact {
  status?: string;
  conclusion?: string;
  completedAt?: Date;
}

/** Conclusions that block a merge; neutral, skipped and stale ones do not. */
const FAILING = new Set(['failure', 'timed_out', 'cancelled', 'action_required', 'startup_failure']);

/**
 * The combined status of a head commit's runs, as GitHub's merge box reads them: failure if any run failed,
 * pending while any has not completed, success when all passed; undefined without runs. A re-run of a job is a
 * new run id, so a failed attempt keeps the head failing until its re-run completes green — the newest run per
 * name wins.
 */
export function headChecksOf(
  runs: readonly (RunFact & { name?: string; startedAt?: Date; createdAt?: Date })[],
): { checks: 'success' | 'failure' | 'pending'; checksFailedAt?: Date } | undefined {
  const newest = new Map<string, (typeof runs)[number]>();
  const startOf = (run: (typeof runs)[number]) => (run.startedAt ?? run.createdAt)?.getTime() ?? 0;
  for (const [index, run] of runs.entries()) {
    const name = run.name ?? `#${index}`;
    const seen = newest.get(name);
    if (!seen || startOf(run) >= startOf(seen)) newest.set(name, run);
  }
  const current = [...newest.values()];
  if (!current.length) return undefined;
  const failed = current.filter((run) => run.status === 'completed' && FAILING.has(run.conclusion ?? ''));
  if (failed.length) {
    const times = failed.map((run) => run.completedAt?.getTime()).filter((time) => time !== undefined);
    return {
      checks: 'failure',
      ...(times.length ? { checksFailedAt: new Date(Math.min(...times)) } : {}),
    };
  }
  return current.some((run) => run.status !== 'completed') ? { checks: 'pending' } : { checks: 'success' };
}
