import type { TriageNoticeView } from '../../handlers/triage/notify-types.ts';
import { eventText, NOTICE_MAX_EVENTS, noticeHeadline } from '../triage-text.ts';
import { adaptiveCard, clip, type AdaptiveCard, type CardElement } from './types.ts';

/** One person's card about one PR, updated in place: where it stands, and what happened, oldest first. */
export function renderTriageNoticeForTeams(view: TriageNoticeView): AdaptiveCard {
  const shown = view.events.slice(-NOTICE_MAX_EVENTS);
  const earlier = view.events.length - shown.length;
  const lines = shown.map(
    (event) => `- ${eventText(event)} (${event.at.slice(0, 16).replace('T', ' ')} UTC)`,
  );
  if (earlier > 0) lines.unshift(`and ${earlier} earlier`);
  const body: CardElement[] = [
    { type: 'TextBlock', text: clip(noticeHeadline(view), 300), wrap: true, weight: 'Bolder' },
    { type: 'TextBlock', text: clip(view.pull.title || view.pull.url, 300), wrap: true },
    { type: 'TextBlock', text: lines.join('\n'), wrap: true, isSubtle: true, size: 'Small' },
  ];
  return adaptiveCard(noticeHeadline(view), body, [
    { type: 'Action.OpenUrl', title: 'Open in GitHub', url: view.pull.url },
  ]);
}
