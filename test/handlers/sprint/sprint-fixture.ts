/**
 * A hand-made two-week sprint (ENG Sprint 14, id 37) on a Monday-to-Friday 09:00–17:00 UTC team: scope added and
 * removed after the start, an item carried over twice, two blocked items, a weekend in the middle. The expected
 * figures in sprint-health.test.ts are worked out by hand from this story (docs/sprint-health.md walks it).
 */
import { buildCalendar } from '../../../handlers/availability/build-calendar.ts';
import type {
  FieldChange,
  SprintHealthInput,
  SprintInfo,
  SprintIssue,
  SprintSnapshot,
  StatusChange,
} from '../../../handlers/sprint/types.ts';

export const at = (iso: string) => new Date(`${iso}Z`);

export const TEAM_CALENDAR = buildCalendar({ timeOff: [] }, {}, () => undefined);

export const SPRINT_35: SprintInfo = {
  sprintId: 35,
  name: 'ENG Sprint 12',
  state: 'closed',
  boardId: 5,
  startDate: at('2026-09-07T08:00'),
  endDate: at('2026-09-21T08:00'),
  completeDate: at('2026-09-21T08:30'),
};
export const SPRINT_36: SprintInfo = {
  sprintId: 36,
  name: 'ENG Sprint 13',
  state: 'closed',
  boardId: 5,
  startDate: at('2026-09-21T08:00'),
  endDate: at('2026-10-05T08:00'),
  completeDate: at('2026-10-05T07:55'),
};
/** Monday 5 October 08:00 to Monday 19 October 08:00: ten working days, 80 working hours. */
export const SPRINT_37: SprintInfo = {
  sprintId: 37,
  name: 'ENG Sprint 14',
  state: 'closed',
  boardId: 5,
  goal: 'Checkout v2 behind a flag',
  startDate: at('2026-10-05T08:00'),
  endDate: at('2026-10-19T08:00'),
  completeDate: at('2026-10-19T09:00'),
};

const issue = (fields: Partial<SprintIssue> & Pick<SprintIssue, 'issueId' | 'key'>): SprintIssue => ({
  sprintIds: [37],
  createdAt: at('2026-09-10T10:00'),
  ...fields,
});

/** The issues as they stand after the close. */
export const ISSUES: SprintIssue[] = [
  // Committed, carried over from sprints 35 and 36 (its history says so), done on Wednesday of week 2.
  issue({
    issueId: '1',
    key: 'ENG-1',
    summary: 'Saved cards',
    storyPoints: 5,
    status: 'Done',
    statusCategory: 'done',
    sprintIds: [35, 36, 37],
    updatedAt: at('2026-10-14T12:00'),
  }),
  // Committed (the snapshot says so; no sprint history), done on Wednesday of week 1.
  issue({
    issueId: '2',
    key: 'ENG-2',
    summary: 'Card form',
    storyPoints: 3,
    status: 'Done',
    statusCategory: 'done',
    updatedAt: at('2026-10-07T15:00'),
  }),
  // Committed, carried over from sprint 36, flagged on Thursday of week 2, not done at the close.
  issue({
    issueId: '3',
    key: 'ENG-3',
    summary: 'Fraud check',
    storyPoints: 8,
    status: 'In Progress',
    statusCategory: 'indeterminate',
    sprintIds: [36, 37],
    flagged: true,
    updatedAt: at('2026-10-15T10:00'),
  }),
  // Committed, then taken out on Friday of week 1.
  issue({
    issueId: '4',
    key: 'ENG-4',
    summary: 'Old banner',
    storyPoints: 2,
    status: 'To Do',
    statusCategory: 'new',
    sprintIds: [],
    updatedAt: at('2026-10-09T11:00'),
  }),
  // Added on Monday of week 2, done on Thursday.
  issue({
    issueId: '5',
    key: 'ENG-5',
    summary: 'Receipt email',
    storyPoints: 3,
    status: 'Done',
    statusCategory: 'done',
    updatedAt: at('2026-10-15T16:00'),
  }),
  // Created right into the sprint on Tuesday of week 2, blocked since Wednesday.
  issue({
    issueId: '6',
    key: 'ENG-6',
    summary: 'Tax rounding',
    storyPoints: 1,
    status: 'Blocked',
    statusCategory: 'indeterminate',
    createdAt: at('2026-10-13T09:30'),
    updatedAt: at('2026-10-14T09:00'),
  }),
  // Added on Tuesday of week 1 and taken out again on Thursday.
  issue({
    issueId: '7',
    key: 'ENG-7',
    summary: 'Gift cards',
    storyPoints: 5,
    status: 'To Do',
    statusCategory: 'new',
    sprintIds: [],
    updatedAt: at('2026-10-08T12:00'),
  }),
];

/** Status changes; two lack categories (ingestion before the status list was known). */
export const STATUS_CHANGES: StatusChange[] = [
  {
    issueId: '1',
    at: at('2026-10-14T12:00'),
    from: 'In Progress',
    to: 'Done',
    fromCategory: 'indeterminate',
    toCategory: 'done',
  },
  { issueId: '2', at: at('2026-10-07T15:00'), from: 'In Progress', to: 'Done' },
  {
    issueId: '5',
    at: at('2026-10-15T16:00'),
    from: 'In Progress',
    to: 'Done',
    fromCategory: 'indeterminate',
    toCategory: 'done',
  },
  {
    issueId: '6',
    at: at('2026-10-13T11:00'),
    from: 'To Do',
    to: 'In Progress',
    fromCategory: 'new',
    toCategory: 'indeterminate',
  },
  { issueId: '6', at: at('2026-10-14T09:00'), from: 'In Progress', to: 'Blocked' },
];

export const FIELD_CHANGES: FieldChange[] = [
  // Sprint 36 closed a few minutes before 37 started and moved ENG-1 on.
  { issueId: '1', at: at('2026-10-05T07:55'), field: 'sprint', from: '35, 36', to: '35, 36, 37' },
  { issueId: '4', at: at('2026-10-09T11:00'), field: 'sprint', from: '37', to: '' },
  { issueId: '5', at: at('2026-10-12T10:00'), field: 'sprint', from: '', to: '37' },
  { issueId: '7', at: at('2026-10-06T12:00'), field: 'sprint', from: '', to: '37' },
  { issueId: '7', at: at('2026-10-08T12:00'), field: 'sprint', from: '37', to: '' },
  { issueId: '3', at: at('2026-10-15T10:00'), field: 'flagged', from: '', to: 'Impediment' },
];

/** What the sprint_started webhook saw, a minute after the start. */
export const SNAPSHOT: SprintSnapshot = {
  sprintId: 37,
  takenAt: at('2026-10-05T08:01'),
  issues: [
    { issueId: '1', storyPoints: 5, statusCategory: 'indeterminate' },
    { issueId: '2', storyPoints: 3, statusCategory: 'indeterminate' },
    { issueId: '3', storyPoints: 8, statusCategory: 'indeterminate' },
    { issueId: '4', storyPoints: 2, statusCategory: 'new' },
  ],
};

export function sprintInput(overrides: Partial<SprintHealthInput> = {}): SprintHealthInput {
  return {
    sprint: SPRINT_37,
    issues: ISSUES,
    statusChanges: STATUS_CHANGES,
    fieldChanges: FIELD_CHANGES,
    snapshot: SNAPSHOT,
    boardSprints: [SPRINT_35, SPRINT_36, SPRINT_37],
    calendar: TEAM_CALENDAR,
    now: at('2026-10-20T12:00'),
    ...overrides,
  };
}
