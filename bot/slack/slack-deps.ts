import type { ApprovalServices } from '../../handlers/approvals/types.ts';
import type { ChatDeps } from '../chat-deps.ts';
import type { UsergroupMembers } from './approvals/usergroup-members.ts';

/** What the Slack surface needs beside the shared chat deps: the approvals its buttons and App Home act on. */
export interface SlackDeps extends ChatDeps {
  approvals: ApprovalServices;
}

/** What listeners get: the surface's deps plus the user group lookups of its own client. */
export interface SlackListenerDeps extends SlackDeps {
  groups: UsergroupMembers;
}
