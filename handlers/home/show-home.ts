import { policyUserIdOf } from '../policy/approvers.ts';
import type { CommandInput, CommandPorts, Reply } from '../types.ts';

/**
 * `home`: the person's home, privately (Teams shows it as a card that refreshes itself; Slack users have it
 * in the App Home tab too). The decider is the person alone: a role- or group-based right to decide shows
 * when they open the request.
 */
export async function showHome(input: CommandInput, ports: CommandPorts): Promise<Reply> {
  if (!ports.home) {
    return {
      visibility: 'private',
      view: {
        kind: 'notice',
        tone: 'warning',
        title: 'Home is not available here',
        body: 'This installation does not build homes. Ask your admin to check the em-agent set-up.',
      },
    };
  }
  const { actor } = input;
  const view = await ports.home.build({
    tenantId: actor.tenantId,
    account: { tool: actor.surface, handle: actor.userId },
    decider: { userId: policyUserIdOf(actor) },
  });
  return { visibility: 'personal', view };
}
