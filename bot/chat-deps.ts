import type { Logger } from 'pino';
import type { AnswerStore } from '../handlers/ask/handle-answer-action.ts';
import type { ChatReach } from '../handlers/ask/types.ts';
import type { StandupDeps } from '../handlers/standup/standup-deps.ts';
import type { ChatAccount } from '../handlers/standup/types.ts';
import type { DoraActionPorts } from '../handlers/metrics/dora-command.ts';
import type { TriageActionPorts } from '../handlers/triage/handle-triage-action.ts';
import type { ChartRenderer } from './charts/chart-renderer.ts';
import type { CommandInput, CommandPorts, Reply } from '../handlers/types.ts';
import type { ChatEmailLearner } from './chat-email-learner.ts';
import type { ChatProfileReports } from './chat-profile-reports.ts';
import type { Metrics } from './metrics.ts';
import type { ChatTenantOf, TenantRegistry } from './tenants.ts';

/** What the Slack and Teams edges need: everything else reaches them through handlers. */
export interface ChatDeps {
  log: Logger;
  metrics: Metrics;
  tenants: TenantRegistry;
  /** The tenant a request is served from (always the demo tenant in demo mode). */
  tenantOf: ChatTenantOf;
  /** The reply itself when the command answered without waiting (see handlers/run-command.ts). */
  runCommand(input: CommandInput): Reply | Promise<Reply>;
  /** The buttons under doc answers (share, feedback, ask a person); absent where answers are off. */
  answers?: { store(): AnswerStore | undefined; reach?: ChatReach };
  /** Records what Slack or Teams report for a person: zone, locale's country, a vacation status. */
  profileReports?: ChatProfileReports;
  /** Answering standups from their prompts (the flow's deps and its clock); absent where standups are off. */
  standupFlow?: { deps: StandupDeps; now(): Date };
  /** Records a chat user's verified email on first sight, to link their other tools by email. */
  emails?: ChatEmailLearner;
  /** The buttons on /triage queue items (request review, nudge, snooze, I'm on it); absent where triage is off. */
  triage?: TriageActionPorts;
  /** The "why" and "back" buttons of /dora; absent (or without a reader) where metrics are not set up. */
  delivery?: DoraActionPorts;
  /** Draws the charts of /dora, /sprint-health and /flow to PNG (in a worker thread); without it answers come alone. */
  charts?: ChartRenderer;
  /** What saving a standup's set-up form needs (the store, the policy for approvers, people by email). */
  standups?: StandupEdgePorts;
}

export interface StandupEdgePorts extends Pick<CommandPorts, 'standups' | 'approvals'> {
  /** The Teams accounts of the people with these verified emails (`people`); the rest are `unknown`. */
  teamsAccountsByEmail?(
    tenantId: string,
    emails: string[],
  ): Promise<{ found: ChatAccount[]; unknown: string[] }>;
}
