import type { App } from '@slack/bolt';
import type { ViewOutput } from '@slack/bolt';
import {
  readStandupAnswerMetadata,
  STANDUP_ANSWER_MODAL,
} from '../../../../cards/slack/standup-answer-modal.ts';
import type { StandupDeps } from '../../../../handlers/standup/standup-deps.ts';
import { submitStandupAnswer } from '../../../../handlers/standup/submit-answer.ts';
import { userFacingError } from '../../../user-facing-error.ts';
import type { SlackListenerDeps } from '../../slack-deps.ts';

/** The typed answers by question id, and the first input's block (where a problem is shown). */
function readAnswers(view: ViewOutput) {
  const answers: Record<string, string> = {};
  let firstBlockId: string | undefined;
  for (const [blockId, actions] of Object.entries(view.state.values)) {
    const questionId = blockId.replace(/^answer_/, '');
    if (questionId === blockId) continue;
    firstBlockId ??= blockId;
    const input = actions[STANDUP_ANSWER_MODAL.action];
    answers[questionId] = input?.value ?? input?.selected_option?.value ?? '';
  }
  return { answers, firstBlockId: firstBlockId ?? 'answer' };
}

/**
 * The answer modal submitted: a problem (too long, not a choice, empty) keeps the modal open with it shown;
 * otherwise the answer is stored and goes to the report's thread if the report is out. The person is told
 * in their DM whether it counted as late or replaced an earlier answer.
 */
/**
 * The answerer's App Home shows the answer at once (their own doing, like a click); their teammates' homes
 * (the standup's blockers) follow through the throttle.
 */
async function refreshHomes(
  deps: SlackListenerDeps,
  standupDeps: StandupDeps,
  tenantId: string,
  standupId: string,
  userId: string,
): Promise<void> {
  await deps.homes.publishNow({ tenantId, userId });
  const standup = await standupDeps.store.get(tenantId, standupId);
  deps.homes.changed(
    (standup?.members ?? [])
      .filter((member) => member.tool === 'slack' && member.handle !== userId)
      .map((member) => ({ tenantId, userId: member.handle })),
  );
}

export function register(app: App, deps: SlackListenerDeps): void {
  const standups = deps.standupFlow;
  if (!standups) return;
  app.view(STANDUP_ANSWER_MODAL.callbackId, async ({ ack, body, view, client }) => {
    deps.metrics.chatEvents.inc({ surface: 'slack', kind: 'view' });
    const target = readStandupAnswerMetadata(view.private_metadata);
    const tenantId = deps.tenantOf(body.team?.id ?? body.user.team_id);
    if (!target || !tenantId) {
      await ack();
      deps.log.warn('a standup answer without its standup was ignored');
      return;
    }
    const form = { ...target, ...readAnswers(view) };
    let acked = false;
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
      acked = true;
      const note = result.edited
        ? 'Your answer is updated.'
        : result.late
          ? 'Thanks: your answer is in, after the deadline.'
          : 'Thanks: your answer is in.';
      await client.chat.postMessage({ channel: body.user.id, text: note });
      await result.publish();
      await refreshHomes(deps, standups.deps, tenantId, form.standupId, body.user.id);
    } catch (error) {
      if (acked) {
        const notice = userFacingError(error, deps.log);
        await client.chat.postMessage({ channel: body.user.id, text: `${notice.title}. ${notice.body}` });
        return;
      }
      const notice = userFacingError(error, deps.log);
      await ack({
        response_action: 'errors',
        errors: { [form.firstBlockId]: `${notice.title}. ${notice.body}` },
      });
    }
  });
}
