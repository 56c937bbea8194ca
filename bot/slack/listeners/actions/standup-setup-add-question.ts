import type { App } from '@slack/bolt';
import {
  readStandupSetupMetadata,
  renderStandupSetupModal,
  STANDUP_SETUP_MODAL,
} from '../../../../cards/slack/standup-setup-modal.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import { listUsergroups } from '../../standup/list-usergroups.ts';
import { readSetupState, type SetupState } from '../../standup/read-setup-state.ts';

/** "Add question" in the set-up modal: the same modal, one question row more, with what was typed kept. */
export function register(app: App, deps: SlackListenerDeps): void {
  app.action(STANDUP_SETUP_MODAL.addQuestionAction, async ({ ack, body, client }) => {
    await ack();
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'action' });
    if (body.type !== 'block_actions' || !body.view) return;
    const metadata = readStandupSetupMetadata(body.view.private_metadata);
    if (!metadata) return;
    const { form, typedUsergroup } = readSetupState(body.view.state.values as SetupState, metadata.rows);
    // A handle typed but not yet looked up stays in its input.
    if (typedUsergroup) form.memberSource = { kind: 'slack-usergroup', usergroupId: typedUsergroup };
    try {
      await client.views.update({
        view_id: body.view.id,
        hash: body.view.hash,
        view: renderStandupSetupModal(
          { kind: 'standup-setup', form, ...(metadata.standupId ? { standupId: metadata.standupId } : {}) },
          {
            rows: metadata.rows + 1,
            usergroups: await listUsergroups(client, deps.log),
            ...(metadata.channel ? { channel: metadata.channel } : {}),
          },
        ),
      });
    } catch (error) {
      // A stale hash: the person changed the modal meanwhile; their next click tries again.
      deps.log.warn({ err: error }, 'could not add a question row to the standup set-up');
    }
  });
}
