import type { MessageRef } from '../delivery/types.ts';
import type { Surface } from '../types.ts';
import type { Coverage } from '../metrics/types.ts';
import type { VerdictLevel } from '../sprint/types.ts';

/**
 * The weekly delivery digest of a team (a standup): opted into in chat, posted once per ISO week at the team's
 * local day and time, saying what changed against the week before and why it matters. Team figures only:
 * nobody's own numbers, nobody ranked. No I/O here.
 */

/** A team's digest choice; `enabled: false` (or no settings at all) means no digest. */
export interface DeliveryDigestSettings {
  enabled: boolean;
  surface: Surface;
  /** Slack channel id or Teams conversation id the digest goes to. */
  channel: string;
  /** ISO weekday (1 Monday … 7 Sunday) and local `HH:MM`, in the team's zone. */
  weekday: number;
  time: string;
}

export const DEFAULT_DIGEST_WEEKDAY = 1;
export const DEFAULT_DIGEST_TIME = '09:00';

/** One team's digest of one ISO week: `claimed` while (or since) a tick posts it; `posted` once it has. */
export interface DeliveryDigestRecord {
  state: 'claimed' | 'posted';
  ref?: MessageRef;
}

/** Implemented in data/delivery-digest/. Every call is scoped by the tenant. */
export interface DeliveryDigestStore {
  settingsOf(tenantId: string, standupId: string): Promise<DeliveryDigestSettings | undefined>;
  save(
    tenantId: string,
    standupId: string,
    settings: DeliveryDigestSettings,
    updatedBy: string,
  ): Promise<void>;
  /** Insert-once: true for the one caller that may post this team's digest of this week. */
  claim(tenantId: string, standupId: string, week: string, now: Date): Promise<boolean>;
  /** Gives the claim up after a refused post, so a later tick tries again. */
  release(tenantId: string, standupId: string, week: string): Promise<void>;
  posted(tenantId: string, standupId: string, week: string, ref: MessageRef, now: Date): Promise<void>;
}

/** A team's headline figures of one week, added up over the team (never per person). */
export interface WeekFigures {
  deployments: number;
  /** Milliseconds; null when nothing was measured. */
  leadTimeP50: number | null;
  changeFailureRate: number | null;
  timeToRestoreP50: number | null;
  /** PRs merged and issues finished. */
  throughput: number;
  /** Items in progress at the week's end. */
  wip: number;
  /** Merged PRs linked to a production deployment (lead time reads those alone). */
  prCoverage: Coverage;
}

/** What the digest is chosen from. */
export interface DigestInput {
  team: string;
  /** The week reported on, `YYYY-MM-DD` of its Monday and Sunday. */
  from: string;
  to: string;
  current: WeekFigures;
  previous: WeekFigures;
  /** Items in progress older than 85% of their type's past cycle times, oldest first. */
  aging: { ref: string; age: string }[];
  /** The active sprint, when there is exactly one. */
  sprint?: { name: string; level: VerdictLevel; reason?: string };
}

export type DigestFigure =
  | 'deployments'
  | 'lead-time'
  | 'change-failure-rate'
  | 'time-to-restore'
  | 'throughput'
  | 'wip'
  | 'aging'
  | 'sprint';

/** One headline: what changed, and in plain words why it matters. */
export interface DigestChange {
  figure: DigestFigure;
  /** "Deployments: 12, up from 5." */
  text: string;
  why: string;
  /** Whether the change is good news; null when it is neither. */
  better: boolean | null;
}

export interface DeliveryDigestView {
  kind: 'delivery-digest';
  team: string;
  from: string;
  to: string;
  /** Most important first; empty when nothing notable changed. */
  changes: DigestChange[];
  /** Said when `changes` is empty: the week in one line. */
  quiet?: string;
  /** Cautions on how far the figures can be trusted (low link coverage). */
  notes: string[];
}
