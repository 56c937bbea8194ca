import type { WorkingCalendar } from '../../../handlers/availability/types.ts';
import type { TriagePull } from '../../../handlers/triage/types.ts';

export const HOUR = 3_600_000;
export const at = (iso: string) => new Date(iso);

/** A calendar in UTC, Mon–Fri 09–17, with no holidays unless given. */
export function calendar(overrides: Partial<WorkingCalendar> = {}): WorkingCalendar {
  return {
    timeZone: 'UTC',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: '09:00', end: '17:00' },
    timeOff: [],
    holidays: () => undefined,
    ...overrides,
  };
}

/** An open, ready, small PR by `ana` with nothing on it yet; override what a test is about. */
export function pull(overrides: Partial<TriagePull> = {}): TriagePull {
  const openedAt = overrides.openedAt ?? at('2026-11-30T09:00:00Z');
  return {
    repo: 'acme/api',
    number: 1,
    title: 'Add a thing',
    url: 'https://github.com/acme/api/pull/1',
    author: 'ana',
    authorIsBot: false,
    draft: false,
    labels: [],
    baseRef: 'main',
    headSha: 'abc123',
    requestedReviewers: ['bo'],
    reviews: [],
    additions: 10,
    deletions: 2,
    changedFiles: 1,
    files: ['src/thing.ts'],
    openedAt,
    readyAt: openedAt,
    lastCommitAt: openedAt,
    lastActivityAt: openedAt,
    ...overrides,
  };
}
