import assert from 'node:assert/strict';
import { SLACK_TRIAGE_ITEMS } from '../../../cards/slack/triage-queue.ts';
import { TEAMS_TRIAGE_ITEMS } from '../../../cards/teams/triage-queue.ts';
import { buildTriageQueue } from '../../../handlers/triage/build-queue.ts';
import { TRIAGE_ITEMS_LISTED } from '../../../handlers/triage/queue-view.ts';
import { buildTriageQueueView } from '../../../handlers/triage/show-triage-queue.ts';
import type { TriagePorts } from '../../../handlers/triage/triage-ports.ts';
import type { ReviewerSuggester } from '../../../handlers/triage/types.ts';
import { at, pull } from './triage-fixtures.ts';

const NOW = at('2026-12-03T15:00:00Z');

describe('the /triage view (what a surface lists)', () => {
  it('names a suggested reviewer for the items a surface lists, asking the suggester about those only', async () => {
    assert.ok(SLACK_TRIAGE_ITEMS <= TRIAGE_ITEMS_LISTED && TEAMS_TRIAGE_ITEMS <= TRIAGE_ITEMS_LISTED);
    const asked: number[] = [];
    const suggester: ReviewerSuggester = {
      suggest(item) {
        asked.push(item.number);
        return { first: { login: 'cy', score: 1, reasons: { openReviews: 0 } }, alternatives: [] };
      },
    };
    // 40 PRs waiting for a first review, each opened an hour before the next: the oldest ranks first.
    const pulls = Array.from({ length: 40 }, (_, index) =>
      pull({
        number: 100 + index,
        openedAt: new Date(at('2026-11-10T00:00:00Z').getTime() + index * 3_600_000),
        readyAt: undefined,
        requestedReviewers: ['bo'],
      }),
    );
    const queue = buildTriageQueue(pulls, { now: NOW, calendars: new Map(), suggester });
    const ports = {
      queue: async () => queue,
      findRepo: async (_tenantId: string, typed: string) => typed,
      marks: { snoozesOf: async () => [], takenOf: async () => [] },
      now: () => NOW,
    } as unknown as TriagePorts;
    const result = await buildTriageQueueView(
      { surface: 'slack', tenantId: 'T1', userId: 'U1' },
      'acme/api',
      ports,
      undefined,
    );
    assert.ok(result.ok);
    assert.equal(result.view.items.length, 40);
    const suggested = result.view.items.map((item) => item.suggested !== undefined);
    assert.deepEqual(suggested, [
      ...Array<boolean>(TRIAGE_ITEMS_LISTED).fill(true),
      ...Array<boolean>(40 - TRIAGE_ITEMS_LISTED).fill(false),
    ]);
    assert.deepEqual(
      asked,
      result.view.items.slice(0, TRIAGE_ITEMS_LISTED).map((item) => item.number),
    );
  });
});
