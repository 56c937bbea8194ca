import { durationMs } from './durations.ts';
import { approverTierOf, ttlTextOf, type Policy, type PolicyMode, type RiskLevel } from './policy-schema.ts';
import type { ActionRequest, PolicyDecision, TargetChannel } from './types.ts';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeRule(actionType: string, mode: PolicyMode, risk: RiskLevel): string {
  switch (mode) {
    case 'auto':
      return `The policy lets ${actionType} run automatically (${risk} risk).`;
    case 'ask':
      return `The policy asks the requester to confirm ${actionType} before it runs (${risk} risk).`;
    case 'require_approval':
      return `The policy requires approval before ${actionType} runs (${risk} risk).`;
  }
}

/** Reasons an automatic post to this channel must be confirmed first; empty when it may go out on its own. */
function channelAdjustments(policy: Policy, askIfPublic: boolean, channel: TargetChannel): string[] {
  const name = channel.name ?? 'the channel';
  const reasons: string[] = [];
  if (askIfPublic && channel.isPublic !== false) {
    reasons.push(
      channel.isPublic === true
        ? `${capitalize(name)} is public and the policy asks before posting to public channels, so it asks for confirmation first.`
        : `I could not tell whether ${name} is public, and the policy asks before posting to public channels, so it asks for confirmation first.`,
    );
  }
  const limit = policy.limits.max_channel_size_auto_post;
  if (channel.memberCount === undefined) {
    reasons.push(
      `I could not tell how many people are in ${name}, and the policy posts automatically only to channels of at most ${plural(limit, 'member')}, so it asks for confirmation first.`,
    );
  } else if (channel.memberCount > limit) {
    reasons.push(
      `${capitalize(name)} has ${plural(channel.memberCount, 'member')}, more than the ${limit} the policy allows for automatic posts, so it asks for confirmation first.`,
    );
  }
  return reasons;
}

/**
 * What the policy says about a proposed action: its risk, its mode after the channel checks, the quorum, the
 * ttl, which tier approves, and plain-language reasons for all of it.
 *
 * - An action the policy does not name is high risk and needs approval.
 * - A rule in mode auto becomes ask when the action posts to a channel that is public (with
 *   `ask_if_channel_public`) or that has more members than `limits.max_channel_size_auto_post`. A channel
 *   whose visibility or size the caller does not know counts as public or too large.
 */
export function evaluateAction(policy: Policy, request: ActionRequest): PolicyDecision {
  const { actionType } = request;
  const rule = Object.hasOwn(policy.actions, actionType) ? policy.actions[actionType] : undefined;
  const risk: RiskLevel = rule?.risk ?? 'high';
  let mode: PolicyMode = rule?.mode ?? 'require_approval';
  const reasons = [
    rule
      ? describeRule(actionType, mode, risk)
      : `The policy has no rule for ${actionType}, so it is treated as a high-risk action that needs approval.`,
  ];

  if (mode === 'auto' && request.channel) {
    const adjustments = channelAdjustments(policy, rule?.ask_if_channel_public === true, request.channel);
    if (adjustments.length > 0) {
      mode = 'ask';
      reasons.push(...adjustments);
    }
  }

  let quorum = mode === 'auto' ? 0 : 1;
  let approverTier: RiskLevel | null = null;
  if (mode === 'require_approval') {
    quorum = rule?.quorum ?? 1;
    const deciding = approverTierOf(policy, risk);
    approverTier = deciding ?? risk;
    if (!deciding) {
      reasons.push(
        `The policy lists no approvers for ${risk}-risk actions yet, so no one can approve this until an admin adds some.`,
      );
    } else if (deciding !== risk) {
      reasons.push(
        `The policy lists no approvers for ${risk}-risk actions, so ${deciding}-risk approvers decide.`,
      );
    }
    if (quorum > 1) {
      reasons.push(
        `It needs ${quorum} approvals from different people, and the requester cannot approve it.`,
      );
    }
  }

  return {
    actionType,
    risk,
    mode,
    quorum,
    ttlMs: mode === 'auto' ? 0 : durationMs(ttlTextOf(policy, risk, rule)),
    approverTier,
    reasons,
  };
}
