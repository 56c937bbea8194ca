import assert from 'node:assert/strict';
import { isBotAuthor } from '../../../handlers/triage/bot-authors.ts';
import { buildTriageQueue, urgencyOf } from '../../../handlers/triage/build-queue.ts';
import { DEFAULT_TRIAGE_THRESHOLDS } from '../../../handlers/triage/thresholds.ts';
import type { ReviewerContext, ReviewerSuggester, TriagePull } from '../../../handlers/triage/types.ts';
import { at, calendar, pull } from './triage-fixtures.ts';

const NOW = at('2026-12-03T15:00:00Z');
const old = at('2026-11-30T09:00:00Z');

describe('the triage queue (bot lane, drafts, ranking, suggestions)', () => {
  it('knows bot authors: [bot] accounts, Dependabot, Renovate, GitHub Actions and a configured list', () => {
    for (const login of [
      'dependabot[bot]',
      'renovate[bot]',
      'github-actions[bot]',
      'some-app[bot]',
      'app/renovate',
    ]) {
      assert.equal(isBotAuthor(login), true, login);
    }
    assert.equal(isBotAuthor('dependabot'), true);
    assert.equal(isBotAuthor('Renovate-Bot'), true);
    assert.equal(isBotAuthor('ana'), false);
    assert.equal(isBotAuthor('robot-ana'), false);
    assert.equal(isBotAuthor('acme-release'), false);
    assert.equal(isBotAuthor('Acme-Release', ['acme-release']), true);
    assert.equal(isBotAuthor('acme-release[bot]', ['acme-release']), true);
  });

  it('puts bot-authored PRs in their own lane and leaves drafts out of the human queue', () => {
    const pulls: TriagePull[] = [
      pull({ number: 1, author: 'dependabot[bot]', openedAt: at('2026-11-29T00:00:00Z'), readyAt: old }),
      pull({ number: 2, author: 'renovate[bot]', readyAt: old }),
      pull({ number: 3, author: 'acme-release', readyAt: old }),
      pull({ number: 4, author: 'ana', readyAt: old }),
      pull({
        number: 5,
        author: 'ana',
        draft: true,
        readyAt: undefined,
        openedAt: at('2026-11-16T09:00:00Z'),
      }),
      pull({ number: 6, author: 'bo', draft: true, readyAt: undefined }),
      pull({ number: 7, author: 'cy', authorIsBot: true }),
    ];
    const queue = buildTriageQueue(pulls, { now: NOW, calendars: new Map(), botLogins: ['acme-release'] });
    assert.deepEqual(
      queue.botLane.map((p) => p.number),
      [1, 2, 3, 7],
    );
    assert.deepEqual(
      queue.items.map((item) => item.pull.number),
      [4],
    );
    assert.equal(queue.draftsLeftOut, 2);

    // In ana's own queue her draft open for three weeks shows as a long draft; bo's stays out.
    const own = buildTriageQueue(pulls, {
      now: NOW,
      calendars: new Map(),
      botLogins: ['acme-release'],
      scope: { kind: 'person', logins: ['ana'] },
    });
    assert.deepEqual(
      own.items.map((item) => [item.pull.number, item.signals.map((s) => s.kind)]),
      [
        [4, ['waiting-for-review']],
        [5, ['long-draft']],
      ],
    );
    assert.equal(own.draftsLeftOut, 1);
  });

  it('ranks by urgency: weight × how many thresholds past, then the older first', () => {
    const thresholds = DEFAULT_TRIAGE_THRESHOLDS;
    const fresh = at('2026-12-03T14:00:00Z');
    const pulls: TriagePull[] = [
      // Approved Wednesday 09:00: 14 h > 8 → 2.5 × 1.75.
      pull({
        number: 10,
        reviews: [{ reviewer: 'bo', state: 'approved', at: at('2026-12-02T09:00:00Z') }],
        lastActivityAt: at('2026-12-02T09:00:00Z'),
      }),
      // Waiting for a first review since Monday 09:00: 30 h → 3 × 3.75.
      pull({ number: 11, readyAt: old, lastActivityAt: old }),
      // Red CI for 4 h and fresh otherwise: 3 × 1.
      pull({
        number: 12,
        readyAt: fresh,
        lastActivityAt: fresh,
        reviews: [{ reviewer: 'bo', state: 'commented', at: fresh }],
        checks: 'failure',
        checksFailedAt: at('2026-12-03T11:00:00Z'),
      }),
      // The same wait as 11, opened later: ties fall to the older.
      pull({ number: 13, openedAt: at('2026-11-30T10:00:00Z'), readyAt: old, lastActivityAt: old }),
      // Nothing over a threshold: not in the queue.
      pull({ number: 14, readyAt: fresh, lastActivityAt: fresh }),
    ];
    const queue = buildTriageQueue(pulls, { now: NOW, calendars: new Map(), thresholds });
    assert.deepEqual(
      queue.items.map((item) => [item.pull.number, item.urgency]),
      [
        [11, 11.25],
        [13, 11.25],
        [10, 4.38],
        [12, 3],
      ],
    );
    const item = queue.items[0]!;
    assert.equal(item.urgency, urgencyOf(item.signals, item.pull, thresholds));
  });

  it('caps how overdue a signal counts, and orders one PR’s signals by their weight in its urgency', () => {
    const ancient = at('2026-10-01T09:00:00Z');
    const pr = pull({
      readyAt: ancient,
      lastActivityAt: ancient,
      checks: 'failure',
      checksFailedAt: at('2026-12-03T13:00:00Z'),
      additions: 4000,
    });
    const [item] = buildTriageQueue([pr], { now: NOW, calendars: new Map() }).items;
    assert.deepEqual(
      item?.signals.map((s) => s.kind),
      ['waiting-for-review', 'very-large'],
      'failing CI for 2 h is under its threshold',
    );
    // Waiting: 3 × 5 (capped); 4,002 lines: 0.5 × 5 (capped).
    assert.equal(item?.urgency, 17.5);
  });

  it('asks the suggester about PRs waiting for review, with availability now, review load and code owners', () => {
    const seen: { number: number; context: ReviewerContext }[] = [];
    const suggester: ReviewerSuggester = {
      suggest(pr, context) {
        seen.push({ number: pr.number, context });
        return { first: { login: 'cy', score: 1, reasons: { openReviews: 0 } }, alternatives: [] };
      },
    };
    const pulls = [
      pull({ number: 20, readyAt: old, requestedReviewers: [], files: ['api/billing/charge.ts'] }),
      pull({
        number: 21,
        reviews: [{ reviewer: 'bo', state: 'approved', at: at('2026-12-01T09:00:00Z') }],
        lastActivityAt: at('2026-12-01T09:00:00Z'),
      }),
      pull({ number: 22, readyAt: at('2026-12-03T14:00:00Z'), requestedReviewers: ['bo', 'cy'] }),
      pull({ number: 23, draft: true, readyAt: undefined, requestedReviewers: ['bo'] }),
    ];
    const queue = buildTriageQueue(pulls, {
      now: NOW,
      calendars: new Map([
        ['bo', calendar({ timeOff: [{ from: '2026-12-03', to: '2026-12-04' }] })],
        ['dee', calendar({ timeZone: 'Asia/Tokyo' })],
      ]),
      suggester,
      codeOwners: (repo, baseRef) =>
        repo === 'acme/api' && baseRef === 'main'
          ? { ownersOf: (path) => (path.startsWith('api/billing/') ? ['@cy'] : []) }
          : undefined,
    });
    assert.equal(seen.length, 0, 'nothing is asked before a suggestion is read');
    for (const item of queue.items) assert.ok(item.suggestion === undefined || item.suggestion.first);
    assert.deepEqual(
      seen.map((call) => call.number),
      [20],
    );
    assert.equal(queue.items.find((item) => item.pull.number === 20)?.suggestion?.first.login, 'cy');
    assert.equal(queue.items.find((item) => item.pull.number === 21)?.suggestion, undefined);
    assert.equal(seen.length, 1, 'asked once, then kept');
    const { context } = seen[0]!;
    assert.equal(context.isAvailable('bo'), false, 'away today');
    assert.equal(context.isAvailable('dee'), false, 'after hours in Tokyo');
    assert.equal(context.isAvailable('cy'), true, 'no calendar: the default Mon–Fri 09–17 UTC');
    // Requests on open non-draft PRs: bo on 21 (the fixture's default) and 22, cy on 22; the draft does not count.
    assert.equal(context.openReviews.get('bo'), 2);
    assert.equal(context.openReviews.get('cy'), 1);
    assert.deepEqual(context.codeOwnersOf('api/billing/charge.ts'), ['@cy']);
    assert.deepEqual(context.codeOwnersOf('web/app.ts'), []);
  });
});
