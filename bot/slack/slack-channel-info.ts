import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { TargetChannel } from '../../handlers/policy/types.ts';

/**
 * A Slack channel's visibility and size for the policy, from conversations.info (`include_num_members`). A
 * channel Slack will not describe (missing scope, not found) is reported as unknown, which the policy treats
 * as public and too large to post to unasked.
 */
export async function describeSlackChannel(
  client: WebClient,
  channel: string,
  log: Logger,
): Promise<TargetChannel> {
  try {
    const info = await client.conversations.info({ channel, include_num_members: true });
    const found = info.channel;
    return {
      ...(found?.name ? { name: `#${found.name}` } : {}),
      ...(found?.is_private !== undefined ? { isPublic: !found.is_private } : {}),
      ...(typeof found?.num_members === 'number' ? { memberCount: found.num_members } : {}),
    };
  } catch (error) {
    log.warn({ err: error, channel }, 'could not read a Slack channel for the policy');
    return {};
  }
}
