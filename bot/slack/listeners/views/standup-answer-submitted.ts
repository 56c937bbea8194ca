import type { App } from '@slack/bolt';
import { readStandupAnswerModal, STANDUP_ANSWER_MODAL } from '../../../../cards/slack/standup-prompt.ts';
import { submitStandupAnswer } from '../../../../handlers/standup/submit-answer.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

/**
 * The answer modal submitted: a problem (too long, not a choice, empty) keeps the modal open with it shown;
 * otherwise the answer is stored and goes to the report's thread if the report is out. The person is told
 * in their DM whether it counted as late or replaced an earlier answer.
 */
export function register(app: App, deps: SlackListenerDeps): void {
  const standups = deps.standups;
  if (!standups) return;
  app.view(STANDUP_ANSWER_MODAL.callbackId, async ({ ack, body, view, client }) => {
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'view' });
    const form = readStandupAnswerModal(view);
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    if (!form || !tenantId) {
      await ack();
      deps.log.warn('a standup answer without its standup was ignored');
      return;
    }
    try {
      const result = await submitStandupAnswer(
        standups.deps,
        {
          tenantId,
          standupId: form.standupId,
          date: form.date,
          member: { tool: 'slack', handle: body.user.id },
          ...(body.user.name ? { displayName: body.user.name } : {}),
          answers: form.answers,
        },
        standups.now(),
      );
      if (!result.ok) {
        await ack({ response_action: 'errors', errors: { [form.firstBlockId]: result.problem } });
        return;
      }
      await ack();
      const note = result.edited
        ? 'Your answer is updated.'
        : result.late
          ? 'Thanks: your answer is in, after the deadline.'
          : 'Thanks: your answer is in.';
      await client.chat.postMessage({ channel: body.user.id, text: note });
    } catch (error) {
      const notice = userFacingError(error, deps.log);
      await ack({
        response_action: 'errors',
        errors: { [form.firstBlockId]: `${notice.title}. ${notice.body}` },
      });
    }
  });
}
