import type { View } from '../../handlers/types.ts';
import { renderAnswerForTeams } from './answer.ts';
import { renderHelpForTeams } from './help.ts';
import { renderNoticeForTeams } from './notice.ts';
import type { AdaptiveCard } from './types.ts';

export function renderViewForTeams(view: View): AdaptiveCard {
  switch (view.kind) {
    case 'help':
      return renderHelpForTeams(view);
    case 'notice':
      return renderNoticeForTeams(view);
    case 'answer':
      return renderAnswerForTeams(view);
  }
}
