import type { TriageNoticeView } from '../../handlers/triage/notify-types.ts';
import { eventText, NOTICE_MAX_EVENTS, noticeHeadline } from '../triage-text.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import { linkTo, slackDate } from './slack-text.ts';
import type { Block, SlackMessage } from './types.ts';

/** One person's message about one PR: where it stands, its title linked, and what happened, oldest first. */
export function renderTriageNoticeForSlack(view: TriageNoticeView): SlackMessage {
  const shown = view.events.slice(-NOTICE_MAX_EVENTS);
  const earlier = view.events.length - shown.length;
  const lines = shown.map((event) => {
    const text = event.url ? linkTo(event.url, eventText(event)) : escapeMrkdwn(eventText(event));
    return `• ${text} · ${slackDate(event.at)}`;
  });
  if (earlier > 0) lines.unshift(`_and ${earlier} earlier_`);
  const blocks: Block[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          `*${escapeMrkdwn(noticeHeadline(view))}*\n${linkTo(view.pull.url, view.pull.title || view.pull.url)}`,
          SLACK_LIMITS.sectionText,
        ),
      },
    },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(lines.join('\n'), SLACK_LIMITS.sectionText) }],
    },
  ];
  return { text: truncate(escapeMrkdwn(noticeHeadline(view)), SLACK_LIMITS.fallbackText), blocks };
}
