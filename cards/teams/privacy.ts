import type { PrivacyView } from '../../handlers/privacy/privacy-view.ts';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './types.ts';

/** `privacy` in Teams: the same sections as in Slack, one container each. */
export function renderPrivacyForTeams(view: PrivacyView): AdaptiveCard {
  const body: CardElement[] = [
    { type: 'TextBlock', text: view.title, wrap: true, weight: 'Bolder', size: 'Medium' },
    { type: 'TextBlock', text: view.intro, wrap: true },
    ...view.sections.map((section): CardElement => ({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: section.title, wrap: true, weight: 'Bolder' },
        ...section.lines.map((line): CardElement => ({
          type: 'TextBlock',
          text: `• ${line}`,
          wrap: true,
          spacing: 'Small',
        })),
      ],
    })),
  ];
  return adaptiveCard(`${view.title}. ${view.intro}`, body);
}
