/** What sprint health reads and what it answers. Plain data: nothing here knows the database or a chat surface. */
import type { WorkingCalendar } from '../availability/types.ts';

export interface SprintInfo {
  sprintId: number;
  name?: string;
  state?: 'future' | 'active' | 'closed';
  boardId?: number;
  goal?: string;
  startDate?: Date;
  endDate?: Date;
  /** When the sprint was closed (Jira's "Complete sprint"). */
  completeDate?: Date;
}

/** A Jira issue as it stands now (its fact). */
export interface SprintIssue {
  issueId: string;
  key?: string;
  summary?: string;
  status?: string;
  statusCategory?: string;
  storyPoints?: number;
  /** Every sprint the issue is in or was in (Jira keeps closed sprints in the field). */
  sprintIds: number[];
  flagged?: boolean;
  createdAt?: Date;
  /** Jira's own time of the issue's latest change. */
  updatedAt?: Date;
  assigneeName?: string;
}

/** One status change (issue_transitions), with its categories when ingestion knows them. */
export interface StatusChange {
  issueId: string;
  at: Date;
  from?: string;
  to?: string;
  fromCategory?: string;
  toCategory?: string;
}

/** What a Jira changelog item changed, of the fields sprint health follows. */
export type TrackedField = 'sprint' | 'points' | 'flagged';

/** One change of a tracked field (issue_field_changes), as Jira's changelog gives it: raw `from` and `to`. */
export interface FieldChange {
  issueId: string;
  at: Date;
  field: TrackedField;
  /** Sprint: the ids, comma-separated ("37, 38"); points: the number as text; flagged: "Impediment" or empty. */
  from?: string;
  to?: string;
}

/** The sprint's contents as the bot saw them when the sprint started (the sprint_started webhook). */
export interface SprintSnapshot {
  sprintId: number;
  takenAt: Date;
  issues: { issueId: string; storyPoints?: number; statusCategory?: string }[];
}

/** Everything one sprint's health is computed from. */
export interface SprintHealthInput {
  sprint: SprintInfo;
  /** Issues in the sprint now, in the snapshot, or named by a sprint change of this sprint. */
  issues: SprintIssue[];
  statusChanges: StatusChange[];
  fieldChanges: FieldChange[];
  snapshot?: SprintSnapshot;
  /** The other sprints of the same board, for carry-over. */
  boardSprints: SprintInfo[];
  /** The team's working calendar: the ideal line and blocked ages count its working hours only. */
  calendar: WorkingCalendar;
  now: Date;
}

export interface WorkCount {
  issues: number;
  points: number;
}

export interface SprintItem {
  issueId: string;
  key: string;
  summary?: string;
  points?: number;
}

export interface BlockedItem extends SprintItem {
  /** Flagged as an impediment, or in a status named like "Blocked". */
  reason: 'flagged' | 'status';
  since?: Date;
  /** Working days blocked (working hours ÷ the calendar's hours per day), one decimal. */
  workingDays?: number;
}

export interface CarriedItem extends SprintItem {
  /** How many earlier sprints of the board it was in before this one. */
  sprints: number;
}

export interface BurndownPoint {
  /** The day's label, an ISO date (UTC). */
  day: string;
  /** When the point is measured: the start, each following midnight (UTC), the close; today is now. */
  at: Date;
  /** Undefined for days still to come. */
  remaining?: number;
  ideal: number;
}

export type VerdictLevel = 'on-track' | 'at-risk' | 'off-track';

export interface VerdictReason {
  /** How much this reason weighs: `ok` ones say what is fine. */
  severity: 'ok' | 'at-risk' | 'off-track';
  text: string;
}

export interface Verdict {
  level: VerdictLevel;
  reasons: VerdictReason[];
}

/** How much of the answer rests on what was seen at the start, and how much was reconstructed. */
export interface SprintBasis {
  /** `webhook`: a snapshot taken within an hour of the start; `late`: taken later; `none`: no snapshot. */
  snapshot: 'webhook' | 'late' | 'none';
  /** Issues whose membership at the start came from their sprint-change history. */
  fromHistory: number;
  /** Issues whose membership came from neither history nor snapshot (their current sprint field). */
  assumed: number;
}

export interface SprintHealth {
  sprint: SprintInfo;
  /** The sprint is measured up to here: its close, else now. */
  asOf: Date;
  closed: boolean;
  /** Share of the sprint's working time gone by `asOf`, 0 to 1. */
  elapsed: number;
  unit: 'points' | 'issues';
  committed: WorkCount & { items: SprintItem[] };
  /** Done at `asOf` (for a closed sprint: at its close, as Jira's sprint report counts). */
  completed: WorkCount & { items: SprintItem[] };
  /** Of the committed work, how much is done. */
  completedOfCommitted: WorkCount;
  added: WorkCount & { items: SprintItem[] };
  removed: WorkCount & { items: SprintItem[] };
  /** In the sprint at `asOf` and not done. */
  notDone: WorkCount & { items: SprintItem[] };
  carryOver: { issues: number; items: CarriedItem[] };
  blocked: BlockedItem[];
  burndown: BurndownPoint[];
  verdict: Verdict;
  basis: SprintBasis;
}
