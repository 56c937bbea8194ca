import type { FactWrite } from '../sources/fact-write.ts';
import type { NotifyCandidate } from '../../handlers/triage/notify-types.ts';

/* Pure: the notification events a batch of fact writes may carry, to be checked against the stored facts. */

const FAILED_CONCLUSIONS = new Set(['failure', 'timed_out', 'startup_failure']);

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const date = (value: unknown): Date | undefined => (value instanceof Date ? value : undefined);

function pullCandidates(write: FactWrite): NotifyCandidate[] {
  const repo = String(write.key.repo);
  const number = Number(write.key.number);
  const fields = write.snapshot?.fields ?? {};
  const at = date(fields.updatedAt);
  const found: NotifyCandidate[] = [];
  const requested = Array.isArray(fields.requestedReviewers) ? fields.requestedReviewers : [];
  for (const login of requested.filter((value): value is string => typeof value === 'string')) {
    // Once per reviewer per PR: a later write listing them again is the same request.
    found.push({ kind: 'review-requested', repo, number, login, key: `review-requested:${login}`, at });
  }
  if (fields.state === 'merged') found.push({ kind: 'merged', repo, number, key: 'merged', at });
  return found;
}

function reviewCandidates(write: FactWrite): NotifyCandidate[] {
  const state = write.snapshot?.fields.state;
  const number = write.once?.prNumber;
  if ((state !== 'approved' && state !== 'changes_requested') || typeof number !== 'number') return [];
  return [
    {
      kind: state === 'approved' ? 'approved' : 'changes-requested',
      repo: String(write.key.repo),
      number,
      by: text(write.once?.author),
      key: `review:${String(write.key.reviewId)}`,
      at: date(write.earliest?.submittedAt),
      url: text(write.once?.url),
    },
  ];
}

function ciCandidates(write: FactWrite): NotifyCandidate[] {
  const conclusion = write.snapshot?.fields.conclusion;
  const repo = text(write.once?.repo);
  const headSha = text(write.once?.headSha);
  if (typeof conclusion !== 'string' || !FAILED_CONCLUSIONS.has(conclusion) || !repo || !headSha) return [];
  return [
    {
      kind: 'ci-failed',
      repo,
      headSha,
      // One per head commit, however many of its checks fail: the message says CI failed on this push.
      key: `ci-failed:${headSha}`,
      at: date(write.latest?.completedAt),
      detail: text(write.once?.name),
      url: text(write.once?.url),
    },
  ];
}

/** Every candidate event in the writes, deduplicated by PR, person and key. */
export function notifyCandidatesOf(writes: readonly FactWrite[]): NotifyCandidate[] {
  const byKey = new Map<string, NotifyCandidate>();
  for (const write of writes) {
    const found =
      write.kind === 'pullRequest'
        ? pullCandidates(write)
        : write.kind === 'review'
          ? reviewCandidates(write)
          : write.kind === 'ciRun'
            ? ciCandidates(write)
            : [];
    for (const candidate of found) {
      const id = `${candidate.repo}#${candidate.number ?? candidate.headSha}|${candidate.login ?? ''}|${candidate.key}`;
      if (!byKey.has(id)) byKey.set(id, candidate);
    }
  }
  return [...byKey.values()];
}
