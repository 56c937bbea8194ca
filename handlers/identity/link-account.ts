import { formatUsage } from '../catalog.ts';
import type { CommandInput, Reply } from '../types.ts';
import { LINKABLE_TOOLS, type IdentityDirectory, type LinkableTool } from './types.ts';

const HANDLE = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;

function notice(tone: 'info' | 'warning' | 'error', title: string, body: string, suggestion?: string): Reply {
  return {
    view: { kind: 'notice', tone, title, body, ...(suggestion ? { suggestion } : {}) },
    visibility: 'personal',
  };
}

/** `link <github|jira|pagerduty> <handle>`: "that account is me". Without arguments, shows your links. */
export async function linkAccount(
  input: CommandInput,
  identity: IdentityDirectory | undefined,
): Promise<Reply> {
  const usage = formatUsage(input.actor.surface, 'link', 'github <login>');
  if (!identity)
    return notice('error', 'Linking is not available', 'The identity directory is not connected.');
  const me = { tool: input.actor.surface, handle: input.actor.userId };
  const [tool = '', typed = '', ...extra] = input.args;
  const handle = typed.replace(/^@/, '');
  if (!tool) {
    const accounts = (await identity.accountsOf(input.actor.tenantId, me)).filter((a) => a.tool !== me.tool);
    const body = accounts.length
      ? `Linked to you: ${accounts.map((a) => `${a.tool} ${a.handle}`).join(', ')}.`
      : 'No tool accounts are linked to you yet.';
    return notice('info', 'Your linked accounts', body, usage);
  }
  if (
    !(LINKABLE_TOOLS as readonly string[]).includes(tool.toLowerCase()) ||
    !HANDLE.test(handle) ||
    extra.length
  ) {
    return notice(
      'warning',
      'Tell me which account',
      `Use \`${usage}\` (or jira <account id>, pagerduty <user id>).`,
      usage,
    );
  }
  const account = { tool: tool.toLowerCase() as LinkableTool, handle };
  const outcome = await identity.link(input.actor.tenantId, me, account, 'manual');
  if (outcome.status === 'taken') {
    return notice(
      'warning',
      'Already linked to someone else',
      `${account.tool} ${account.handle} is linked to another person. Ask an admin to fix it with \`em-agent people\`.`,
    );
  }
  return notice(
    'info',
    outcome.status === 'linked' ? 'Linked' : 'Already linked',
    `${account.tool} ${account.handle} is now known as you.`,
  );
}
