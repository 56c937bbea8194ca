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
  /**
   * An email the tool vouches for (lowercased): Slack's profile.email (the sign-in address), the Teams
   * directory's email or sign-in name, the Jira account's email, the PagerDuty login email. Never GitHub's
   * public profile email, which anyone can type.
   */
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
