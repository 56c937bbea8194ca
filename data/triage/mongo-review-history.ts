import type { Models } from '../models/index.ts';
import type { ReviewedChange } from '../../handlers/triage/types.ts';

export interface ReviewHistoryBounds {
  /** How far back merged PRs count (default 180 days). */
  days?: number;
  /** At most this many, the most recently merged (default 2,000). */
  limit?: number;
}

const DAY_MS = 86_400_000;

/**
 * A tenant's recently merged PRs as reviewed changes, oldest first, for the reviewer suggester. The filter leads
 * with the equality FerretDB answers from the `{ tenantId, state }` index (no `$in`, which it scans); the date
 * bound and the limit keep a large tenant's read small.
 */
export async function loadReviewHistory(
  models: Pick<Models, 'PullRequest'>,
  tenantId: string,
  now: Date,
  { days = 180, limit = 2_000 }: ReviewHistoryBounds = {},
): Promise<ReviewedChange[]> {
  const since = new Date(now.getTime() - days * DAY_MS);
  const pulls = await models.PullRequest.find(
    { tenantId, state: 'merged', mergedAt: { $gte: since } },
    { repo: 1, number: 1, author: 1, mergedAt: 1, reviewers: 1, files: 1 },
  )
    .sort({ mergedAt: -1 })
    .limit(limit)
    .lean();
  return pulls
    .flatMap((pull) =>
      pull.author && pull.mergedAt
        ? [
            {
              id: `${pull.repo}#${pull.number}`,
              repo: pull.repo,
              at: pull.mergedAt,
              author: pull.author,
              files: pull.files ?? [],
              reviewers: (pull.reviewers ?? []).filter((login) => login !== pull.author),
            },
          ]
        : [],
    )
    .reverse();
}
