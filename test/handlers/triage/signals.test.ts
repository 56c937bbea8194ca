import assert from 'node:assert/strict';
import { createPublicHolidays } from '../../../data/availability/public-holidays.ts';
import { signalsOf } from '../../../handlers/triage/signals.ts';
import { DEFAULT_TRIAGE_THRESHOLDS, mergeTriageThresholds } from '../../../handlers/triage/thresholds.ts';
import type { WorkingCalendar } from '../../../handlers/availability/types.ts';
import type { SignalKind, TriagePull } from '../../../handlers/triage/types.ts';
import { at, calendar, pull } from './triage-fixtures.ts';

const thresholds = DEFAULT_TRIAGE_THRESHOLDS;
const holidays = createPublicHolidays();

function signals(pr: TriagePull, now: Date, calendars = new Map<string, WorkingCalendar>()) {
  return signalsOf(pr, { calendars, thresholds, now });
}
const find = (found: ReturnType<typeof signals>, kind: SignalKind) => found.find((s) => s.kind === kind);
const kinds = (found: ReturnType<typeof signals>) => found.map((s) => s.kind).sort();

describe('triage signals (ages in working hours of whoever the PR waits on)', () => {
  describe('working-hours ages', () => {
    it('does not count the weekend: ready Friday 13:00, Monday 13:00 is 8 working hours, not 72', () => {
      const pr = pull({ readyAt: at('2026-12-04T13:00:00Z'), openedAt: at('2026-12-04T13:00:00Z') });
      const friday = signals(pr, at('2026-12-04T17:00:00Z'));
      assert.equal(find(friday, 'waiting-for-review'), undefined, '4 h on Friday is under one working day');
      const monday = find(signals(pr, at('2026-12-07T13:00:00Z')), 'waiting-for-review');
      assert.ok(monday, 'over 8 working hours on Monday afternoon');
      assert.deepEqual(monday.waitingOn, ['bo']);
      assert.equal(monday.ageHours, 8);
      assert.deepEqual(monday.since, at('2026-12-04T13:00:00Z'));
    });

    it("does not count the reviewer's public holidays: Thanksgiving and the day after (US-CA)", () => {
      const pr = pull({ readyAt: at('2026-11-25T09:00:00Z'), openedAt: at('2026-11-25T09:00:00Z') });
      const now = at('2026-11-30T13:00:00Z');
      const inCalifornia = new Map([['bo', calendar({ holidayRegion: 'US-CA', holidays })]]);
      // Wednesday 8 h, Thursday and Friday off, the weekend, Monday 4 h.
      assert.equal(find(signals(pr, now, inCalifornia), 'waiting-for-review')?.ageHours, 12);
      // With no holidays the same days are 8 + 8 + 8 + 4.
      assert.equal(find(signals(pr, now), 'waiting-for-review')?.ageHours, 28);
    });

    it("does not count the author's time off for changes requested: a week away is not idleness", () => {
      const pr = pull({
        reviews: [{ reviewer: 'bo', state: 'changes_requested', at: at('2026-12-04T13:00:00Z') }],
        lastCommitAt: at('2026-12-04T10:00:00Z'),
        lastActivityAt: at('2026-12-04T13:00:00Z'),
      });
      const now = at('2026-12-14T10:00:00Z');
      const away = new Map([['ana', calendar({ timeOff: [{ from: '2026-12-07', to: '2026-12-11' }] })]]);
      // Friday 4 h and Monday's first hour: under the 16-hour threshold.
      assert.equal(find(signals(pr, now, away), 'changes-requested'), undefined);
      const present = find(signals(pr, now), 'changes-requested');
      assert.equal(present?.ageHours, 4 + 40 + 1);
      assert.deepEqual(present?.waitingOn, ['ana']);
    });

    it("counts the author's hours in their own zone for approved-not-merged", () => {
      const pr = pull({
        reviews: [{ reviewer: 'bo', state: 'approved', at: at('2026-12-01T09:00:00Z') }],
        lastActivityAt: at('2026-12-01T09:00:00Z'),
      });
      const now = at('2026-12-02T09:00:00Z');
      // Tokyo 09–17 is 00:00–08:00 UTC: Tuesday 09:00 UTC is after hours, Wednesday 00–08 UTC counts 8 h.
      const tokyo = new Map([['ana', calendar({ timeZone: 'Asia/Tokyo' })]]);
      assert.equal(find(signals(pr, now, tokyo), 'approved-not-merged')?.ageHours, 8);
      assert.equal(find(signals(pr, now), 'approved-not-merged')?.ageHours, 8);
      assert.equal(find(signals(pr, at('2026-12-01T20:00:00Z'), tokyo), 'approved-not-merged'), undefined);
    });

    it('takes the most hours of several requested reviewers, so one on holiday does not hide the PR', () => {
      const pr = pull({ requestedReviewers: ['bo', 'cy'], readyAt: at('2026-11-25T09:00:00Z') });
      const calendars = new Map([
        ['bo', calendar({ timeOff: [{ from: '2026-11-23', to: '2026-12-31' }] })],
        ['cy', calendar()],
      ]);
      const waiting = find(signals(pr, at('2026-11-26T17:00:00Z'), calendars), 'waiting-for-review');
      assert.deepEqual(waiting?.waitingOn, ['bo', 'cy']);
      assert.equal(waiting?.ageHours, 16);
    });

    it("uses the author's hours while nobody is requested, and says it waits on no one yet", () => {
      const pr = pull({ requestedReviewers: [], readyAt: at('2026-11-30T09:00:00Z') });
      const away = new Map([['ana', calendar({ timeOff: [{ from: '2026-11-30', to: '2026-11-30' }] })]]);
      const now = at('2026-12-01T17:00:00Z');
      assert.deepEqual(find(signals(pr, now), 'waiting-for-review')?.waitingOn, []);
      assert.equal(find(signals(pr, now), 'waiting-for-review')?.ageHours, 16);
      assert.equal(find(signals(pr, now, away), 'waiting-for-review')?.ageHours, 8);
    });
  });

  describe('which signals a PR shows', () => {
    const now = at('2026-12-03T17:00:00Z');

    it('shows nothing for a fresh small PR', () => {
      const fresh = at('2026-12-03T12:00:00Z');
      assert.deepEqual(signals(pull({ readyAt: fresh, lastActivityAt: fresh }), now), []);
    });

    it('any review by someone else ends "waiting for a first review"; a comment changes no verdict', () => {
      const pr = pull({ reviews: [{ reviewer: 'bo', state: 'commented', at: at('2026-12-01T10:00:00Z') }] });
      assert.deepEqual(kinds(signals(pr, now)), ['stale']);
    });

    it('drops "changes requested" once the author pushed after it, and a dismissal clears a verdict', () => {
      const requested = {
        reviewer: 'bo',
        state: 'changes_requested' as const,
        at: at('2026-11-30T10:00:00Z'),
      };
      const pushed = pull({ reviews: [requested], lastCommitAt: at('2026-11-30T12:00:00Z') });
      assert.equal(find(signals(pushed, now), 'changes-requested'), undefined);
      const dismissed = pull({
        reviews: [requested, { reviewer: 'bo', state: 'dismissed', at: at('2026-11-30T11:00:00Z') }],
      });
      assert.equal(find(signals(dismissed, now), 'changes-requested'), undefined);
      assert.ok(find(signals(pull({ reviews: [requested] }), now), 'changes-requested'));
    });

    it('counts "approved, not merged" from the first standing approval, and not while changes are requested', () => {
      const approvals = [
        { reviewer: 'bo', state: 'approved' as const, at: at('2026-12-01T10:00:00Z') },
        { reviewer: 'cy', state: 'approved' as const, at: at('2026-12-02T10:00:00Z') },
      ];
      const approved = find(signals(pull({ reviews: approvals }), now), 'approved-not-merged');
      assert.deepEqual(approved?.since, at('2026-12-01T10:00:00Z'));
      assert.deepEqual(approved?.waitingOn, ['ana']);
      const blocked = pull({
        reviews: [
          ...approvals,
          { reviewer: 'dee', state: 'changes_requested', at: at('2026-12-01T11:00:00Z') },
        ],
      });
      assert.deepEqual(kinds(signals(blocked, now)), ['changes-requested']);
    });

    it('reports failing CI past its threshold from when it turned red, and a merge conflict at once', () => {
      const red = pull({
        readyAt: at('2026-12-03T09:00:00Z'),
        requestedReviewers: ['bo'],
        reviews: [{ reviewer: 'bo', state: 'commented', at: at('2026-12-03T09:30:00Z') }],
        checks: 'failure',
        checksFailedAt: at('2026-12-03T12:00:00Z'),
        mergeable: 'conflicting',
        lastActivityAt: at('2026-12-03T12:00:00Z'),
      });
      const found = signals(red, now);
      assert.deepEqual(kinds(found), ['failing-ci', 'merge-conflict']);
      assert.equal(find(found, 'failing-ci')?.ageHours, 5);
      assert.equal(find(signals(red, at('2026-12-03T15:00:00Z')), 'failing-ci'), undefined);
    });

    it('calls a PR stale after three working days without activity, unless a review signal explains it', () => {
      const quiet = pull({
        reviews: [{ reviewer: 'bo', state: 'commented', at: at('2026-11-30T10:00:00Z') }],
        lastActivityAt: at('2026-11-30T10:00:00Z'),
      });
      assert.equal(find(signals(quiet, now), 'stale')?.ageHours, 31);
      assert.deepEqual(kinds(signals(pull(), now)), ['waiting-for-review']);
    });

    it('flags a very large PR by lines or by files', () => {
      const fresh = { readyAt: at('2026-12-03T16:00:00Z'), lastActivityAt: at('2026-12-03T16:00:00Z') };
      assert.ok(find(signals(pull({ ...fresh, additions: 700, deletions: 100 }), now), 'very-large'));
      assert.ok(find(signals(pull({ ...fresh, changedFiles: 30 }), now), 'very-large'));
      assert.equal(find(signals(pull({ ...fresh, additions: 797 }), now), 'very-large'), undefined);
    });

    it('shows a draft only as long-draft, after a working week', () => {
      const draft = pull({ draft: true, readyAt: undefined, openedAt: at('2026-11-23T09:00:00Z') });
      assert.deepEqual(signals(draft, at('2026-11-27T17:00:00Z')).length, 1);
      assert.deepEqual(kinds(signals(draft, at('2026-11-27T16:00:00Z'))), []);
      assert.deepEqual(kinds(signals({ ...draft, checks: 'failure', mergeable: 'conflicting' }, now)), [
        'long-draft',
      ]);
    });

    it("applies a team's thresholds: its overrides over the defaults, bad values ignored", () => {
      const team = mergeTriageThresholds({ firstReviewHours: 2, staleHours: -1, largeFiles: Number.NaN });
      assert.equal(team.firstReviewHours, 2);
      assert.equal(team.staleHours, DEFAULT_TRIAGE_THRESHOLDS.staleHours);
      assert.equal(team.largeFiles, DEFAULT_TRIAGE_THRESHOLDS.largeFiles);
      const pr = pull({ readyAt: at('2026-12-03T12:00:00Z') });
      const found = signalsOf(pr, { calendars: new Map(), thresholds: team, now });
      assert.deepEqual(kinds(found), ['waiting-for-review']);
    });
  });
});
