import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';

/** Members of Slack user groups (`S…`), looked up with usergroups.users.list and kept for a minute. */
export interface UsergroupMembers {
  membersOf(groupId: string): Promise<ReadonlySet<string>>;
}

/** Long enough to spare Slack's rate limits on a burst of clicks, short enough that a change applies soon. */
export const USERGROUP_CACHE_MS = 60_000;

export function createUsergroupMembers(
  client: WebClient,
  log: Logger,
  now: () => number = Date.now,
): UsergroupMembers {
  const cache = new Map<string, { at: number; members: Promise<ReadonlySet<string>> }>();
  return {
    membersOf(groupId) {
      const cached = cache.get(groupId);
      if (cached && now() - cached.at < USERGROUP_CACHE_MS) return cached.members;
      const members = client.usergroups.users
        .list({ usergroup: groupId })
        .then((result) => new Set(result.users ?? []))
        .catch((error: unknown) => {
          // Not cached: the next click asks again. Until then nobody counts as a member.
          cache.delete(groupId);
          log.warn({ err: error, usergroup: groupId }, 'could not list the members of a Slack user group');
          return new Set<string>();
        });
      cache.set(groupId, { at: now(), members });
      return members;
    },
  };
}
