import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

/** One status change of a Jira issue (its status history), keyed by the changelog entry that made it. */
export interface IssueTransitionFields {
  issueId: string;
  changelogId: string;
  issueKey?: string;
  from?: string;
  to?: string;
  /** Jira status categories of `from` and `to` (new, indeterminate, done), from the status list. */
  fromCategory?: string;
  toCategory?: string;
  at?: Date;
  by?: string;
}

export const defineIssueTransitionModel = (connection: Connection) =>
  defineFactModel<IssueTransitionFields>(
    connection,
    'IssueTransition',
    'issue_transitions',
    ['issueId', 'changelogId'],
    {
      issueId: { type: String, required: true },
      changelogId: { type: String, required: true },
      issueKey: String,
      from: String,
      to: String,
      fromCategory: String,
      toCategory: String,
      at: Date,
      by: String,
    },
    // Who first: the status changes a member made, for their standup draft and the team's shipped work.
    [{ by: 1, at: -1 }],
  );
