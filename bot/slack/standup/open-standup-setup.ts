import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import { renderStandupSetupModal } from '../../../cards/slack/standup-setup-modal.ts';
import type { StandupSetupView } from '../../../handlers/standup/setup-view.ts';
import { listUsergroups } from './list-usergroups.ts';

/**
 * Opens the set-up modal with a trigger (a slash command's or a button's; it expires 3 s after the request).
 * False when Slack refused, so the caller can send the set-up as a message with a button instead.
 */
export async function openStandupSetup(
  client: WebClient,
  triggerId: string,
  view: StandupSetupView,
  channel: string | undefined,
  log: Logger,
): Promise<boolean> {
  try {
    const usergroups = await listUsergroups(client, log);
    await client.views.open({
      trigger_id: triggerId,
      view: renderStandupSetupModal(view, { usergroups, ...(channel ? { channel } : {}) }),
    });
    return true;
  } catch (error) {
    log.warn({ err: error }, 'could not open the standup set-up modal; sending a button instead');
    return false;
  }
}
