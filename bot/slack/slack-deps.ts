import type { ApprovalServices } from '../../handlers/approvals/types.ts';
import type { HomeBuilder } from '../../handlers/home/types.ts';
import type { ChatDeps } from '../chat-deps.ts';
import type { HomeThrottle } from '../home/home-throttle.ts';
import type { UsergroupMembers } from './approvals/usergroup-members.ts';

/** What the Slack surface needs beside the shared chat deps: the approvals its buttons and App Home act on. */
export interface SlackDeps extends ChatDeps {
  approvals: ApprovalServices;
  /** Builds the App Home tab's content. */
  home: HomeBuilder;
  /** The least time between two event-driven App Home publishes per person (default a minute). */
  homeRefreshMs?: number;
}

/** What listeners get: the surface's deps plus the user group lookups and App Home publisher of its client. */
export interface SlackListenerDeps extends SlackDeps {
  groups: UsergroupMembers;
  homes: HomeThrottle;
}
