import type { ActivityItem } from '../../handlers/standup/types.ts';
import { clip, type CardElement } from './types.ts';

const ITEM_TEXT = 200;

/** Linked lines (TextBlock markdown), at most `max`, then "and N more". */
export function itemLinesOf(items: readonly ActivityItem[], max: number): CardElement[] {
  const lines: CardElement[] = items.slice(0, max).map((item) => {
    const text = clip(item.text, ITEM_TEXT).replace(/[[\]]/g, '');
    return {
      type: 'TextBlock',
      text: `- ${item.url && /^https?:\/\//.test(item.url) ? `[${text}](${item.url})` : text}`,
      wrap: true,
      spacing: 'None',
    };
  });
  if (items.length > max) {
    lines.push({
      type: 'TextBlock',
      text: `and ${items.length - max} more`,
      wrap: true,
      isSubtle: true,
      spacing: 'None',
    });
  }
  return lines;
}

/** Names, at most `max`, then "and N more". */
export function namesOf(names: readonly string[], max: number): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

export const heading = (text: string): CardElement => ({
  type: 'TextBlock',
  text,
  wrap: true,
  weight: 'Bolder',
  spacing: 'Medium',
});
