import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

/**
 * One change of a field sprint health follows (sprint membership, story points, the impediment flag), keyed by
 * the changelog entry that made it: what lets a sprint's contents at its start be read back whatever order the
 * webhooks arrived in.
 */
export interface IssueFieldChangeFields {
  issueId: string;
  changelogId: string;
  /** `sprint`, `points` or `flagged`. */
  field: string;
  issueKey?: string;
  /** Sprint: the sprint ids, comma-separated, as Jira's changelog gives them; otherwise the shown value. */
  from?: string;
  to?: string;
  at?: Date;
}

export const defineIssueFieldChangeModel = (connection: Connection) =>
  defineFactModel<IssueFieldChangeFields>(
    connection,
    'IssueFieldChange',
    'issue_field_changes',
    ['issueId', 'changelogId', 'field'],
    {
      issueId: { type: String, required: true },
      changelogId: { type: String, required: true },
      field: { type: String, required: true },
      issueKey: String,
      from: String,
      to: String,
      at: Date,
    },
  );
