import { proposeAction } from '../approvals/propose-action.ts';
import { APPROVALS_UNAVAILABLE } from '../approvals/not-configured.ts';
import { formatUsage } from '../catalog.ts';
import type { CommandInput, CommandPorts, NoticeView, Reply } from '../types.ts';
import { policyUserIdOf } from './approvers.ts';
import { parsePolicy } from './parse-policy.ts';

export const POLICY_SET_ACTION = 'policy.set';

function notice(tone: NoticeView['tone'], title: string, body: string, suggestion?: string): Reply {
  return {
    visibility: 'private',
    view: { kind: 'notice', tone, title, body, ...(suggestion ? { suggestion } : {}) },
  };
}

/** Text after `validate` or `set`, without a Markdown code fence people paste around YAML. */
function yamlOf(rawArgs: string, subcommand: string): string {
  const text = rawArgs.slice(subcommand.length).trim();
  const fenced = /^```(?:ya?ml)?\s*\n?([\s\S]*?)\n?```$/i.exec(text);
  return `${(fenced ? fenced[1]! : text).trim()}\n`;
}

/**
 * `policy show | validate <yaml> | set <yaml>`. Setting a policy is itself an action (`policy.set`): it is
 * validated now, then proposed, so an approver decides and the ledger records it; the old policy stays in
 * force until then, and whenever the new one is invalid.
 */
export async function runPolicyCommand(input: CommandInput, services: CommandPorts): Promise<Reply> {
  if (!services.approvals) return APPROVALS_UNAVAILABLE;
  const [subcommand = 'show'] = input.args;
  const usage = formatUsage(input.actor.surface, 'policy', 'show | validate <yaml> | set <yaml>');
  switch (subcommand.toLowerCase()) {
    case 'show': {
      const current = await services.approvals.policies.inForce(input.actor.tenantId);
      return {
        visibility: 'private',
        view: {
          kind: 'policy',
          source: current.source,
          yaml: current.yaml,
          ...(current.updatedBy ? { updatedBy: current.updatedBy } : {}),
          ...(current.updatedAt ? { updatedAt: current.updatedAt.toISOString() } : {}),
        },
      };
    }
    case 'validate':
    case 'set': {
      const yaml = yamlOf(input.rawArgs, subcommand);
      if (yaml.trim() === '') {
        return notice(
          'warning',
          'Paste the policy after the command',
          `Send the YAML after "${subcommand}".`,
          usage,
        );
      }
      const parsed = parsePolicy(yaml);
      if (!parsed.ok) {
        return notice(
          'error',
          'That policy is not valid',
          `${parsed.problem}. The current policy stays in force.`,
        );
      }
      if (subcommand.toLowerCase() === 'validate') {
        const count = Object.keys(parsed.policy.actions).length;
        return notice(
          'info',
          'The policy is valid',
          `It defines ${count} action${count === 1 ? '' : 's'}. Use "set" to propose it.`,
        );
      }
      const proposed = await proposeAction(services.approvals, {
        tenantId: input.actor.tenantId,
        action_type: POLICY_SET_ACTION,
        target_ref: `policy:${input.actor.tenantId}`,
        proposed_payload: { yaml },
        requester: policyUserIdOf(input.actor),
        ...(input.conversationId
          ? { conversation: { surface: input.actor.surface, id: input.conversationId } }
          : {}),
      });
      if (!proposed.ok) return notice('error', 'Could not propose the policy', proposed.problem);
      const { approval } = proposed;
      if (approval.status === 'approved') {
        return notice(
          approval.execution.status === 'succeeded' ? 'info' : 'error',
          approval.execution.status === 'succeeded'
            ? 'The new policy is in force'
            : 'The policy was not changed',
          approval.execution.summary ?? '',
        );
      }
      return notice(
        'info',
        'Policy change proposed',
        `It needs ${approval.mode === 'ask' ? 'your confirmation' : 'an approver'} before it takes effect (request ${approval.id}). The current policy stays in force until then.`,
      );
    }
    default:
      return notice(
        'warning',
        `"policy ${subcommand}" is not something I know`,
        'Use show, validate or set.',
        usage,
      );
  }
}
