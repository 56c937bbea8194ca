import type { View } from '../../handlers/types.ts';
import { renderAnswerForSlack } from './answer.ts';
import { renderHelpForSlack } from './help.ts';
import { renderNoticeForSlack } from './notice.ts';
import type { SlackMessage } from './types.ts';

export function renderViewForSlack(view: View): SlackMessage {
  switch (view.kind) {
    case 'help':
      return renderHelpForSlack(view);
    case 'notice':
      return renderNoticeForSlack(view);
    case 'answer':
      return renderAnswerForSlack(view);
  }
}
