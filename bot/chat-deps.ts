import type { Logger } from 'pino';
import type { AnswerStore } from '../handlers/ask/handle-answer-action.ts';
import type { ChatReach } from '../handlers/ask/types.ts';
import type { CommandInput, Reply } from '../handlers/types.ts';
import type { StandupDeps } from '../handlers/standup/standup-deps.ts';
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
  /** Answering standups from their prompts; absent where standups are off. */
  standups?: { deps: StandupDeps; now(): Date };
  /** Records a chat user's verified email on first sight, to link their other tools by email. */
  emails?: ChatEmailLearner;
}
