import type { NoticeView } from '../../handlers/types.ts';
import { adaptiveCard, type AdaptiveCard, type CardAction } from './types.ts';

const TONE_COLOR = { info: 'Accent', warning: 'Warning', error: 'Attention' } as const;

export function renderNoticeForTeams(view: NoticeView): AdaptiveCard {
  const actions: CardAction[] = view.suggestion
    ? [
        {
          type: 'Action.Submit',
          title: `Send "${view.suggestion}"`,
          data: { msteams: { type: 'imBack', value: view.suggestion } },
        },
      ]
    : [];
  return adaptiveCard(
    `${view.title}. ${view.body}`,
    [
      { type: 'TextBlock', text: view.title, wrap: true, weight: 'Bolder', color: TONE_COLOR[view.tone] },
      { type: 'TextBlock', text: view.body, wrap: true },
    ],
    actions,
  );
}
