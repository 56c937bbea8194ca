import type { ActivityItem } from '../../handlers/standup/types.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { linkTo } from './slack-text.ts';

/** Linked bullets, at most `max`, then "and N more": a draft or a report stays one screen. */
export function bulletsOf(items: readonly ActivityItem[], max: number): string {
  const lines = items
    .slice(0, max)
    .map((item) => `• ${item.url ? linkTo(item.url, item.text) : escapeMrkdwn(item.text)}`);
  if (items.length > max) lines.push(`_and ${items.length - max} more_`);
  return lines.join('\n');
}

/** Names (never mentions: a report must not ping the whole team), at most `max`, then "and N more". */
export function namesOf(names: readonly string[], max: number): string {
  const shown = names.slice(0, max).map(escapeMrkdwn).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
