import assert from 'node:assert/strict';
import {
  createReviewerModel,
  createReviewerSuggester,
  describeReviewerReasons,
  isBotLogin,
} from '../../../handlers/triage/suggest-reviewers.ts';
import type { ReviewedChange, ReviewerContext, TriagePull } from '../../../handlers/triage/types.ts';

const DAY = 86_400_000;
const start = Date.parse('2026-06-01T09:00:00Z');

/** mia writes billing code; sam reviews most of it, lee some, renovate[bot] and dependabot sometimes "review". */
function billingHistory(): ReviewedChange[] {
  return Array.from({ length: 20 }, (_, index) => ({
    id: `pr-${index}`,
    repo: 'acme/api',
    at: new Date(start + index * DAY),
    author: 'mia',
    files: [`api/billing/invoice${index % 3}.ts`],
    reviewers: [index % 4 === 3 ? 'lee' : 'sam', ...(index % 5 === 0 ? ['renovate[bot]', 'dependabot'] : [])],
  })).concat([
    {
      id: 'pr-other',
      repo: 'acme/api',
      at: new Date(start + 20 * DAY),
      author: 'sam',
      files: ['api/billing/invoice0.ts'],
      reviewers: ['mia', 'kim'],
    },
  ]);
}

function pull(overrides: Partial<TriagePull> = {}): TriagePull {
  const at = new Date(start + 25 * DAY);
  return {
    repo: 'acme/api',
    number: 7,
    title: 'Round invoice totals',
    url: 'https://github.com/acme/api/pull/7',
    author: 'mia',
    authorIsBot: false,
    draft: false,
    labels: [],
    requestedReviewers: [],
    reviews: [],
    additions: 10,
    deletions: 2,
    changedFiles: 2,
    files: ['api/billing/invoice1.ts', 'api/billing/tax.ts'],
    openedAt: at,
    lastActivityAt: at,
    ...overrides,
  };
}

function context(overrides: Partial<ReviewerContext> = {}): ReviewerContext {
  return {
    isAvailable: () => true,
    openReviews: new Map([['sam', 2]]),
    codeOwnersOf: (path) => (path.startsWith('api/billing/') ? ['sam', 'billing-bot[bot]'] : []),
    ...overrides,
  };
}

const now = () => new Date(start + 25 * DAY);

describe('reviewer suggestions', () => {
  it('names one person first with the facts of why, then up to two alternatives', () => {
    const suggestion = createReviewerSuggester(billingHistory(), { now }).suggest(pull(), context());
    assert.ok(suggestion);
    assert.equal(suggestion.first.login, 'sam');
    assert.deepEqual(suggestion.first.reasons, {
      owns: 'api/billing/',
      familiarity: { reviewed: 15, of: 20 },
      pathHistory: 16,
      openReviews: 2,
    });
    assert.deepEqual(
      suggestion.alternatives.map((alternative) => alternative.login),
      ['lee', 'kim'],
    );
    assert.deepEqual(suggestion.alternatives[0]!.reasons, {
      familiarity: { reviewed: 5, of: 20 },
      pathHistory: 5,
      openReviews: 0,
    });
    assert.equal(
      describeReviewerReasons(suggestion.first.reasons),
      'owns `api/billing/`, reviewed 15 of your last 20 PRs, worked on these paths in 16 past PRs, 2 open reviews',
    );
  });

  it('never suggests the author, a bot, or someone away now', () => {
    const history = billingHistory();
    const everyone = createReviewerModel();
    for (const change of history) everyone.record(change);
    const ranked = everyone.rank(
      { repo: 'acme/api', author: 'mia', files: pull().files, at: now() },
      context(),
    );
    const logins = ranked.map((candidate) => candidate.login);
    assert.ok(!logins.includes('mia'), 'the author');
    assert.ok(!logins.some(isBotLogin), `bots in ${logins.join(', ')}`);
    assert.deepEqual(logins, ['sam', 'lee', 'kim']);

    const away = createReviewerSuggester(history, { now }).suggest(
      pull(),
      context({ isAvailable: (login) => login !== 'sam' }),
    );
    assert.equal(away?.first.login, 'lee');
    assert.ok(away.alternatives.every((alternative) => alternative.login !== 'sam'));
  });

  it('weighs open review load: a busy owner can lose first place', () => {
    const busy = createReviewerSuggester(billingHistory(), { now }).suggest(
      pull(),
      context({ openReviews: new Map([['sam', 40]]) }),
    );
    assert.equal(busy?.first.login, 'lee');
    assert.equal(
      busy?.alternatives.find((alternative) => alternative.login === 'sam')?.reasons.openReviews,
      40,
    );
  });

  it('compares paths within their repository', () => {
    const suggester = createReviewerSuggester(billingHistory(), { now });
    const elsewhere = suggester.suggest(
      pull({ repo: 'acme/web', author: 'zoe', files: ['api/billing/invoice1.ts'] }),
      context({ codeOwnersOf: () => [] }),
    );
    assert.equal(elsewhere?.first.reasons.pathHistory, undefined);
  });

  it('suggests nobody from no history', () => {
    assert.equal(
      createReviewerSuggester([], { now }).suggest(pull(), context({ codeOwnersOf: () => [] })),
      undefined,
    );
  });

  it('phrases the why in one line for Slack and Teams alike', () => {
    assert.equal(
      describeReviewerReasons({ owns: 'api/billing/', familiarity: { reviewed: 9, of: 20 }, openReviews: 2 }),
      'owns `api/billing/`, reviewed 9 of your last 20 PRs, 2 open reviews',
    );
    assert.equal(
      describeReviewerReasons({ pathHistory: 1, openReviews: 1 }),
      'worked on these paths in 1 past PR, 1 open review',
    );
    assert.equal(describeReviewerReasons({ openReviews: 0 }), 'no open reviews');
  });

  it('knows the bots by name', () => {
    for (const login of [
      'renovate[bot]',
      'dependabot',
      'Renovate',
      'github-actions',
      'github-actions[bot]',
    ]) {
      assert.ok(isBotLogin(login), login);
    }
    assert.ok(!isBotLogin('robot-ross'));
  });
});
