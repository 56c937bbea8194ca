import type { Connection } from 'mongoose';
import { defineFactModel } from './facts/fact-schema.ts';

export type IdentityTool = 'slack' | 'teams' | 'github' | 'jira' | 'pagerduty';

/**
 * The `people` collection: one document per account (a tool and its handle). Accounts that are the same
 * person share a `personId`; an account nobody has linked is a person of its own (`<tool>:<handle>`), so an
 * unlinked actor still appears, by its handle.
 */
export interface PersonFields {
  tool: IdentityTool;
  /** Slack/Teams user id, GitHub login, Jira account id, PagerDuty user id. */
  handle: string;
  personId: string;
  displayName?: string;
  /** Only emails the tool has verified (Slack profile, Jira account, PagerDuty user, public GitHub email). */
  verifiedEmail?: string;
  /** How this account joined its person: automatically by verified email, or by someone's link command. */
  linkedBy?: 'email' | 'manual';
}

export const definePersonModel = (connection: Connection) =>
  defineFactModel<PersonFields>(
    connection,
    'Person',
    'people',
    ['tool', 'handle'],
    {
      tool: { type: String, required: true },
      handle: { type: String, required: true },
      personId: { type: String, required: true },
      displayName: String,
      verifiedEmail: String,
      linkedBy: String,
    },
    [{ personId: 1 }, { verifiedEmail: 1 }],
  );
