import assert from 'node:assert/strict';
import { normalizeGithubEvent } from '../../../data/sources/github/normalize.ts';
import { notifyCandidatesOf } from '../../../data/triage/notify-candidates.ts';
import { failedWorkflowRunEvent, pullRequestEvent, reviewEvent } from '../../support/github-pr-events.ts';

const pull = { number: 3, author: 'ana', reviewers: ['ravi', 'tui'], updatedAt: '2027-01-25T10:00:00Z' };

describe('notification candidates from fact writes', () => {
  it('reads a review request per requested reviewer, once however often the writes repeat it', () => {
    const writes = normalizeGithubEvent('pull_request', pullRequestEvent('opened', pull));
    const found = notifyCandidatesOf([...writes, ...writes]);
    assert.deepEqual(
      found.map((candidate) => `${candidate.kind}:${candidate.login}:${candidate.key}`),
      ['review-requested:ravi:review-requested:ravi', 'review-requested:tui:review-requested:tui'],
    );
  });

  it('reads approvals and changes requested with their reviewer, a merge, and CI failing by head commit', () => {
    const found = notifyCandidatesOf([
      ...normalizeGithubEvent(
        'pull_request_review',
        reviewEvent(pull, { id: 8, by: 'ravi', state: 'changes_requested', at: '2027-01-25T11:00:00Z' }),
      ),
      ...normalizeGithubEvent(
        'pull_request',
        pullRequestEvent('closed', {
          ...pull,
          reviewers: [],
          merged: true,
          updatedAt: '2027-01-26T10:00:00Z',
        }),
      ),
      ...normalizeGithubEvent(
        'workflow_run',
        failedWorkflowRunEvent({ id: 5, sha: 'abc', at: '2027-01-25T12:00:00Z', actor: 'ana' }),
      ),
    ]);
    assert.deepEqual(
      found.map(({ kind, by, key, headSha }) => ({ kind, by, key, headSha })),
      [
        { kind: 'changes-requested', by: 'ravi', key: 'review:8', headSha: undefined },
        { kind: 'merged', by: undefined, key: 'merged', headSha: undefined },
        { kind: 'ci-failed', by: undefined, key: 'ci-failed:abc', headSha: 'abc' },
      ],
    );
  });

  it('reads nothing from a passing run or a comment-only review', () => {
    const passing = failedWorkflowRunEvent({ id: 6, sha: 'def', at: '2027-01-25T12:00:00Z', actor: 'ana' });
    passing.workflow_run.conclusion = 'success';
    const commented = reviewEvent(pull, { id: 9, by: 'tui', state: 'approved', at: '2027-01-25T12:00:00Z' });
    commented.review.state = 'commented' as 'approved';
    assert.deepEqual(
      notifyCandidatesOf([
        ...normalizeGithubEvent('workflow_run', passing),
        ...normalizeGithubEvent('pull_request_review', commented),
      ]),
      [],
    );
  });
});
