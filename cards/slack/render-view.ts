import { renderHomeMessageForSlack } from './home.ts';
import { renderFlowForSlack, renderFlowWhyForSlack } from './flow.ts';
import { renderPrivacyForSlack } from './privacy.ts';
import type { View } from '../../handlers/types.ts';
import { renderDeliveryDigestForSlack } from './delivery-digest.ts';
import { renderDoraForSlack } from './dora.ts';
import { renderDoraWhyForSlack } from './dora-why.ts';
import { renderTriageQueueForSlack } from './triage-queue.ts';
import { renderStandupPromptForSlack } from './standup-prompt.ts';
import { renderStandupReportForSlack } from './standup-report.ts';
import { renderStandupAnswerForSlack } from './standup-answer.ts';
import { renderStandupListForSlack } from './standup-list.ts';
import { renderStandupStatsForSlack } from './standup-stats.ts';
import { renderStandupSetupForSlack } from './standup-setup-modal.ts';
import { renderApprovalListForSlack } from './approval-list.ts';
import { renderApprovalForSlack } from './approval.ts';
import { renderAnswerForSlack } from './answer.ts';
import { renderHelpForSlack } from './help.ts';
import { renderNoticeForSlack } from './notice.ts';
import { renderPolicyForSlack } from './policy.ts';
import { renderSprintHealthForSlack } from './sprint-health.ts';
import { renderTeamForSlack } from './team.ts';
import { renderTriageDigestForSlack } from './triage-digest.ts';
import { renderTriageNoticeForSlack } from './triage-notice.ts';
import type { SlackMessage } from './types.ts';

export function renderViewForSlack(view: View): SlackMessage {
  switch (view.kind) {
    case 'help':
      return renderHelpForSlack(view);
    case 'notice':
      return renderNoticeForSlack(view);
    case 'approval':
      return renderApprovalForSlack(view);
    case 'approval-list':
      return renderApprovalListForSlack(view);
    case 'policy':
      return renderPolicyForSlack(view);
    case 'team':
      return renderTeamForSlack(view);
    case 'answer':
      return renderAnswerForSlack(view);
    case 'standup-prompt':
      return renderStandupPromptForSlack(view);
    case 'standup-report':
      return renderStandupReportForSlack(view);
    case 'standup-answer':
      return renderStandupAnswerForSlack(view);
    case 'standup-list':
      return renderStandupListForSlack(view);
    case 'standup-stats':
      return renderStandupStatsForSlack(view);
    case 'home':
      return renderHomeMessageForSlack(view);
    case 'standup-setup':
      return renderStandupSetupForSlack(view);
    case 'triage-queue':
      return renderTriageQueueForSlack(view);
    case 'triage-notice':
      return renderTriageNoticeForSlack(view);
    case 'sprint-health':
      return renderSprintHealthForSlack(view);
    case 'triage-digest':
      return renderTriageDigestForSlack(view);
    case 'flow':
      return renderFlowForSlack(view);
    case 'flow-why':
      return renderFlowWhyForSlack(view);
    case 'privacy':
      return renderPrivacyForSlack(view);
    case 'dora':
      return renderDoraForSlack(view);
    case 'dora-why':
      return renderDoraWhyForSlack(view);
    case 'delivery-digest':
      return renderDeliveryDigestForSlack(view);
  }
}
