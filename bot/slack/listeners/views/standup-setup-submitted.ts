import type { App } from '@slack/bolt';
import { truncate } from '../../../../cards/slack/mrkdwn.ts';
import {
  readStandupSetupMetadata,
  setupBlockOf,
  STANDUP_SETUP_MODAL,
} from '../../../../cards/slack/standup-setup-modal.ts';
import {
  checkStandupForm,
  type StandupFormField,
  type StandupFormProblems,
} from '../../../../handlers/standup/check-standup-form.ts';
import { describeSchedule } from '../../../../handlers/standup/describe-schedule.ts';
import { saveStandupSetup } from '../../../../handlers/standup/save-standup-setup.ts';
import type { Actor } from '../../../../handlers/types.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';
import { listUsergroups } from '../../standup/list-usergroups.ts';
import { readSetupState, usergroupOf, type SetupState } from '../../standup/read-setup-state.ts';
import { tellPrivately } from '../../standup/tell-privately.ts';

/** Slack shows these under the input. */
const ERROR_LENGTH = 300;
/** A submission has 3 s for its answer; the group lookup may take part of it. */
const SUBMIT_GROUP_TIMEOUT_MS = 1500;

/** Each problem under the block of its field; two on one block are joined. */
function withProblems(errors: Record<string, string>, problems: StandupFormProblems): Record<string, string> {
  const merged = { ...errors };
  for (const [field, problem = ''] of Object.entries(problems) as [StandupFormField, string | undefined][]) {
    const block = setupBlockOf(field);
    const earlier = merged[block];
    merged[block] = truncate(earlier ? `${earlier} ${problem}` : problem, ERROR_LENGTH);
  }
  return merged;
}

/**
 * The set-up modal submitted: problems keep it open, each under its input; otherwise the standup is created (or
 * updated, with the id in private_metadata) and the person is told privately where it stands.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  app.view(STANDUP_SETUP_MODAL.callbackId, async ({ ack, body, view, client }) => {
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'view' });
    const metadata = readStandupSetupMetadata(view.private_metadata);
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    const ports = deps.standups;
    if (!metadata || !tenantId || !ports?.standups) {
      await ack();
      deps.log.warn('a standup set-up submission without its metadata or store was ignored');
      return;
    }
    const actor: Actor = { surface: 'slack', tenantId, userId: body.user.id };
    const editing = metadata.standupId ? await ports.standups.get(tenantId, metadata.standupId) : undefined;
    const { form, typedUsergroup } = readSetupState(
      view.state.values as SetupState,
      metadata.rows,
      editing?.questions,
    );
    const errors: Record<string, string> = {};
    if (typedUsergroup) {
      const usergroupId = usergroupOf(
        typedUsergroup,
        await listUsergroups(client, deps.log, SUBMIT_GROUP_TIMEOUT_MS),
      );
      if (usergroupId) form.memberSource = { kind: 'slack-usergroup', usergroupId };
      else
        errors[STANDUP_SETUP_MODAL.blocks.usergroup] =
          `I can't find the user group ${typedUsergroup}: check the handle (e.g. @platform-team).`;
    }
    if (form.memberSource?.kind === 'slack-usergroup' && (form.members?.length ?? 0) > 0) {
      errors[STANDUP_SETUP_MODAL.blocks.members] = 'Choose people or a user group, not both.';
    }
    if (Object.keys(errors).length > 0) {
      // The form is still checked, so every problem shows at once.
      const checked = checkStandupForm(form, {
        surface: 'slack',
        owner: { tool: 'slack', handle: actor.userId },
      });
      await ack({
        response_action: 'errors',
        errors: withProblems(errors, checked.ok ? {} : checked.problems),
      });
      return;
    }
    const saved = await saveStandupSetup(ports, actor, form, metadata.standupId, new Date());
    if (!saved.ok && 'problems' in saved) {
      await ack({ response_action: 'errors', errors: withProblems({}, saved.problems) });
      return;
    }
    await ack();
    if (!saved.ok) {
      await tellPrivately(client, deps.log, actor.userId, metadata.channel, {
        kind: 'notice',
        tone: 'warning',
        title: 'The standup was not changed',
        body: saved.refused,
      });
      return;
    }
    const { standup, created } = saved;
    await tellPrivately(client, deps.log, actor.userId, metadata.channel, {
      kind: 'notice',
      tone: 'info',
      title: created ? `${standup.name} is set up` : `${standup.name} is updated`,
      body: `Prompts: ${describeSchedule(standup)}, in each member's own time zone. The report goes to the channel you picked: invite em-agent there if it is not a member yet.`,
      suggestion: '/standup list',
    });
  });
}
