import type { WebClient } from '@slack/web-api';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from '../../../../cards/slack/mrkdwn.ts';
import { renderViewForSlack } from '../../../../cards/slack/render-view.ts';
import type { AnswerView } from '../../../../handlers/ask/types.ts';

/**
 * Posts `<@asker> asked: *question*` in the channel and the answer (sources, buttons) in its thread, so a
 * long answer and the follow-ups it draws stay out of the channel (cards/STYLE.md, "Threads").
 * Returns the parent's ts. Throws when Slack refuses the parent (e.g. not_in_channel).
 */
export async function postAnswerInThread(
  client: WebClient,
  channel: string,
  askerId: string,
  view: AnswerView,
): Promise<string> {
  const lead = truncate(
    `<@${askerId}> asked: *${escapeMrkdwn(view.question)}*\nThe answer, with its sources, is in the thread.`,
    SLACK_LIMITS.sectionText,
  );
  const parent = await client.chat.postMessage({
    channel,
    text: truncate(`<@${askerId}> asked: ${escapeMrkdwn(view.question)}`, SLACK_LIMITS.fallbackText),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: lead } }],
  });
  if (!parent.ts) throw new Error('chat.postMessage answered without ts');
  await client.chat.postMessage({ channel, thread_ts: parent.ts, ...renderViewForSlack(view) });
  return parent.ts;
}
