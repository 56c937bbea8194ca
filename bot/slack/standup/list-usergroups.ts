import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { SlackUsergroup } from '../../../cards/slack/standup-setup-modal.ts';

/** A modal must open within 3 s of its trigger: the group list gets a second, else the modal asks for a handle. */
export const USERGROUP_LIST_TIMEOUT_MS = 1000;

/**
 * The workspace's user groups (usergroups:read), or none when Slack refuses (free plans have none, the scope may
 * be missing) or is slow.
 */
export async function listUsergroups(
  client: WebClient,
  log: Logger,
  timeoutMs = USERGROUP_LIST_TIMEOUT_MS,
): Promise<SlackUsergroup[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const result = await Promise.race([client.usergroups.list({ include_disabled: false }), timeout]);
    return (result?.usergroups ?? []).flatMap((group) =>
      group.id && group.handle
        ? [{ id: group.id, handle: group.handle, name: group.name ?? group.handle }]
        : [],
    );
  } catch (error) {
    log.debug({ err: error }, 'could not list Slack user groups; the standup set-up asks for a handle');
    return [];
  } finally {
    clearTimeout(timer);
  }
}
