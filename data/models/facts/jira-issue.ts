import type { Connection } from 'mongoose';
import { defineFactModel } from './fact-schema.ts';

export interface JiraIssueFields {
  /** Jira's numeric id: stable when an issue moves project and its key changes. */
  issueId: string;
  key?: string;
  projectKey?: string;
  summary?: string;
  type?: string;
  status?: string;
  /** new, indeterminate or done. */
  statusCategory?: string;
  priority?: string;
  labels?: string[];
  assignee?: string;
  assigneeName?: string;
  reporter?: string;
  storyPoints?: number;
  /** Ids of the sprints the issue is in (Jira keeps past sprints too). */
  sprintIds?: number[];
  flagged?: boolean;
  deleted?: boolean;
  createdAt?: Date;
  updatedAt?: Date;
  /** First move into an in-progress status. */
  startedAt?: Date;
  resolvedAt?: Date;
}

export const defineJiraIssueModel = (connection: Connection) =>
  defineFactModel<JiraIssueFields>(
    connection,
    'JiraIssue',
    'jira_issues',
    ['issueId'],
    {
      issueId: { type: String, required: true },
      key: String,
      projectKey: String,
      summary: String,
      type: String,
      status: String,
      statusCategory: String,
      priority: String,
      labels: { type: [String], default: undefined },
      assignee: String,
      assigneeName: String,
      reporter: String,
      storyPoints: Number,
      sprintIds: { type: [Number], default: undefined },
      flagged: Boolean,
      deleted: Boolean,
      createdAt: Date,
      updatedAt: Date,
      startedAt: Date,
      resolvedAt: Date,
    },
    // Assignee first: a member's issues in progress, the "today" candidates of their standup draft.
    [{ key: 1 }, { sprintIds: 1 }, { assignee: 1, statusCategory: 1 }],
  );
