import type { View } from '../../handlers/types.ts';
import { renderHelpForTeams } from './help.ts';
import { renderNoticeForTeams } from './notice.ts';
import type { AdaptiveCard } from './types.ts';

export function renderViewForTeams(view: View): AdaptiveCard {
  switch (view.kind) {
    case 'help':
      return renderHelpForTeams(view);
    case 'notice':
      return renderNoticeForTeams(view);
    // Interim: the approval renderers land with the Teams approval surface.
    case 'approval':
    case 'approval-list':
    case 'policy':
      return renderNoticeForTeams({
        kind: 'notice',
        tone: 'info',
        title: view.kind,
        body: JSON.stringify(view, null, 2),
      });
  }
}
