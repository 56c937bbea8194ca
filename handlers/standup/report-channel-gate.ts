import { proposeAction } from '../approvals/propose-action.ts';
import type { ApprovalServices } from '../approvals/types.ts';
import type { TargetChannel } from '../policy/types.ts';
import type { Standup } from './types.ts';

/** The action a standup's report is, under the tenant policy: posting to its channel. */
export const STANDUP_REPORT_ACTION = 'standup.report';

/** What the surface knows of a channel's visibility and size; unknown counts as public and too large. */
export type ChannelInfo = (standup: Standup) => Promise<TargetChannel>;

export interface ReportChannelGate {
  /** Whether the report may go to the standup's channel now; the first time it asks the policy. */
  mayPost(standup: Standup): Promise<boolean>;
}

/**
 * Posting a standup's report follows the tenant policy like any outward action: a rule in mode auto posts to
 * a small private channel at once; a public or large channel (over `max_channel_size_auto_post`) turns it into
 * a request the owner confirms, or approvers approve, once per standup and channel. The report waits, its
 * answers kept, until then.
 */
export function createReportChannelGate(
  approvals: ApprovalServices,
  channelInfo: ChannelInfo,
): ReportChannelGate {
  return {
    async mayPost(standup) {
      const id = `standup-report-${standup.tenantId}-${standup.id}-${standup.reportChannel}`;
      const known = await approvals.store.get(standup.tenantId, id);
      if (known) return known.status === 'approved';
      const proposed = await proposeAction(approvals, {
        id,
        tenantId: standup.tenantId,
        action_type: STANDUP_REPORT_ACTION,
        target_ref: `${standup.surface}:${standup.reportChannel}`,
        proposed_payload: { standup: standup.name },
        requester: `${standup.owner.tool}:${standup.owner.handle}`,
        channel: await channelInfo(standup),
      });
      return proposed.ok && proposed.approval.status === 'approved';
    },
  };
}

/** Approving the request is the whole action: the next tick posts the report. */
export const allowReportExecutor = async () => ({ summary: 'the standup report may post to its channel' });
