import type { View } from '../../handlers/types.ts';
import { renderHelpForSlack } from './help.ts';
import { renderNoticeForSlack } from './notice.ts';
import type { SlackMessage } from './types.ts';

export function renderViewForSlack(view: View): SlackMessage {
  switch (view.kind) {
    case 'help':
      return renderHelpForSlack(view);
    case 'notice':
      return renderNoticeForSlack(view);
    // Interim: the approval renderers land with the Slack approval surface.
    case 'approval':
    case 'approval-list':
    case 'policy':
      return renderNoticeForSlack({
        kind: 'notice',
        tone: 'info',
        title: view.kind,
        body: JSON.stringify(view, null, 2),
      });
  }
}
