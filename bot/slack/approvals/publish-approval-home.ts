import type { WebClient } from '@slack/web-api';
import { renderApprovalHomeForSlack } from '../../../cards/slack/approval-home.ts';
import { pendingApprovals } from '../../../handlers/approvals/list-approvals.ts';
import { viewApprovalFor } from '../../../handlers/approvals/view-approval-for.ts';
import type { SlackListenerDeps } from '../slack-deps.ts';
import { slackDeciderOf } from './slack-decider.ts';

/** Publishes a person's App Home: the pending approvals, with buttons where they may decide. */
export async function publishApprovalHome(
  deps: Pick<SlackListenerDeps, 'approvals' | 'groups'>,
  client: WebClient,
  tenantId: string,
  userId: string,
  note?: string,
): Promise<void> {
  const decider = await slackDeciderOf(deps, tenantId, userId);
  const { items, more } = await pendingApprovals(deps.approvals.store, tenantId);
  const views = await Promise.all(
    items.map((approval) => viewApprovalFor(deps.approvals, approval, decider)),
  );
  const home = renderApprovalHomeForSlack({ views, more, ...(note ? { note } : {}) });
  await client.views.publish({ user_id: userId, view: home });
}
