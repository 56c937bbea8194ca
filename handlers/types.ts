/** Shared shapes of the channel-neutral domain. Nothing here knows Slack, Teams, HTTP or the database. */

import type { AvailabilityStore, HolidayRegions } from './availability/types.ts';
import type { ApprovalServices } from './approvals/types.ts';
import type { AnswerView, AskPorts } from './ask/types.ts';
import type { HomeBuilder, HomeView } from './home/types.ts';
import type { IdentityDirectory } from './identity/types.ts';
import type { StandupSetupView } from './standup/setup-view.ts';
import type { SprintPorts } from './sprint/ports.ts';
import type { SprintHealthView } from './sprint/sprint-view.ts';
import type { StandupStatsView, StandupStore, StandupView } from './standup/types.ts';
import type { MetricsSurfacePorts } from './metrics/dora-command.ts';
import type { MetricsSettingsPorts } from './metrics/metrics-settings.ts';
import type { DoraView, DoraWhyView } from './metrics/dora-view.ts';
import type { TeamFacts, TeamView } from './team/types.ts';
import type { FlowPorts } from './flow/flow-ports.ts';
import type { FlowView, FlowWhyView } from './flow/flow-view.ts';
import type { PrivacyView, RetentionSettings } from './privacy/privacy-view.ts';
import type { TriageQueueView } from './triage/queue-view.ts';
import type { TriagePorts } from './triage/triage-ports.ts';
import type { NotifySettingsStore, TriageDigestView, TriageNoticeView } from './triage/notify-types.ts';
import type { DeliveryDigestStore, DeliveryDigestView } from './delivery-digest/types.ts';

export type Surface = 'slack' | 'teams';

/** Who is asking, resolved by the edge before any handler runs. */
export interface Actor {
  surface: Surface;
  /** Slack team id, Teams tenant id, or `demo`. Every query a handler makes is scoped by it. */
  tenantId: string;
  /** The person's id on that surface (Slack user id, Teams AAD object id or channel account id). */
  userId: string;
  displayName?: string;
}

/** A command as typed by a person, whichever surface it came from (`/em help` or `help`). */
export interface CommandInput {
  actor: Actor;
  /** The first word, lower-cased; empty when the person sent nothing but the command itself. */
  name: string;
  args: string[];
  /** Everything after the command name, as typed (not logged: it may hold personal data). */
  rawArgs: string;
  conversationId?: string;
  /** `shared` when others are in the conversation (a Teams channel or group chat); Slack's ids say it themselves. */
  conversationKind?: 'personal' | 'shared';
}

export interface HelpEntry {
  name: string;
  usage: string;
  description: string;
}

export interface HelpView {
  kind: 'help';
  title: string;
  intro: string;
  commands: HelpEntry[];
}

export interface NoticeView {
  kind: 'notice';
  tone: 'info' | 'warning' | 'error';
  title: string;
  body: string;
  /** A command the person can send next, shown as a hint. */
  suggestion?: string;
}

/** One approval as people see it: what would run, on what, who asked, and where it stands. */
export interface ApprovalSummary {
  id: string;
  actionType: string;
  targetRef: string;
  risk: 'low' | 'medium' | 'high';
  mode: 'auto' | 'ask' | 'require_approval';
  status: 'pending' | 'approved' | 'declined' | 'expired';
  /** Policy user id (`slack:U…`, `teams:…`, `api:…`); renderers mention chat users. */
  requester: string;
  /** ISO timestamps. */
  createdAt: string;
  expiresAt: string | null;
  /** The payload as pretty JSON, shortened to fit a message. */
  payloadPreview: string;
  /** Why the policy asks, in plain sentences. */
  reasons: string[];
  approvalsNeeded: number;
  approvedBy: string[];
  /** Set once closed: who closed it (or `system:expiry`) and why. */
  decidedBy: string | null;
  reason: string | null;
  modified: boolean;
  execution: {
    status: 'not_started' | 'running' | 'succeeded' | 'failed';
    summary: string | null;
    url: string | null;
  };
}

export interface ApprovalView {
  kind: 'approval';
  approval: ApprovalSummary;
  /** Show Approve / Decline / Modify (a pending request shown to someone who may decide, or to a shared channel). */
  decidable: boolean;
  /** A line above the card, e.g. "Reminder: this is still waiting for you." */
  note?: string;
}

export interface ApprovalListView {
  kind: 'approval-list';
  title: string;
  items: ApprovalSummary[];
  /** Pending approvals beyond those listed. */
  more: number;
}

export interface PolicyView {
  kind: 'policy';
  /** Where the policy in force comes from. */
  source: 'tenant' | 'file' | 'default';
  yaml: string;
  updatedBy?: string;
  updatedAt?: string;
}

/** Everything a handler can show; each kind has a Slack and a Teams renderer in `cards/`. */
export type View =
  | HelpView
  | NoticeView
  | ApprovalView
  | ApprovalListView
  | PolicyView
  | AnswerView
  | TeamView
  | StandupView
  | StandupSetupView
  | TriageQueueView
  | HomeView
  | TriageNoticeView
  | TriageDigestView
  | FlowView
  | FlowWhyView
  | PrivacyView
  | DoraView
  | DoraWhyView
  | SprintHealthView
  | DeliveryDigestView;

export interface Reply {
  view: View;
  /**
   * `private`: for whoever asked (ephemeral in Slack; Teams has no ephemeral messages, so it answers where they
   * asked). `personal`: about the asker alone (their PRs, approvals, time off, figures): ephemeral in Slack, and
   * in Teams only in their personal chat with the bot, never in a channel or group chat.
   */
  visibility: 'private' | 'personal' | 'conversation';
}

/** The ports commands use besides their input, wired by bot/main.ts; a feature's port is absent when it is off. */
export interface CommandPorts {
  ask?: AskPorts;
  availability?: AvailabilityStore;
  /** Checks holiday regions (`US-CA`) and lists their public holidays, for `holidays`. */
  holidayRegions?: HolidayRegions;
  approvals?: ApprovalServices;
  /** A person's home (`home`): their PRs, standups, approvals and their standups' blockers. */
  home?: HomeBuilder;
  identity?: IdentityDirectory;
  team?: TeamFacts;
  standups?: StandupStore;
  /** `/triage` and its buttons; absent where GitHub facts are not wired. */
  triage?: TriagePorts;
  /** `/flow` and its "why" answers; absent where no facts are wired. */
  flow?: FlowPorts;
  /** The retention settings in force, for `privacy`. */
  retention?: RetentionSettings;
  /** `/dora` and its buttons; absent until a metrics reader is configured (the command says so). */
  metrics?: MetricsSurfacePorts;
  /** `metrics settings | set | services map`; absent where the metrics database is not wired. */
  metricsSettings?: MetricsSettingsPorts;
  /** Sprint health (`sprint`, `/sprint-health`); absent where Jira facts are not wired. */
  sprint?: SprintPorts;
  /** Teams' weekly delivery digest choices (`digest delivery on|off`); absent without delivery metrics. */
  deliveryDigests?: DeliveryDigestStore;
  /** Personal PR notifications (`notify on|off|settings`). */
  notifications?: NotifySettingsStore;
  /** Team-level standup stats, computed elsewhere; `standup stats` says so when it is absent. */
  /** Undefined when the standup is gone (deleted since it was looked up). */
  standupStats?: (tenantId: string, standupId: string) => Promise<StandupStatsView | undefined>;
}
