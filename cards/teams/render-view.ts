import { renderHomeForTeams } from './home.ts';
import { renderFlowForTeams, renderFlowWhyForTeams } from './flow.ts';
import { renderPrivacyForTeams } from './privacy.ts';
import type { View } from '../../handlers/types.ts';
import { renderDeliveryDigestForTeams } from './delivery-digest.ts';
import { renderDoraForTeams } from './dora.ts';
import { renderDoraWhyForTeams } from './dora-why.ts';
import { renderTriageQueueForTeams } from './triage-queue.ts';
import { renderStandupPromptForTeams } from './standup-prompt.ts';
import { renderStandupReportForTeams } from './standup-report.ts';
import { renderStandupAnswerForTeams } from './standup-answer.ts';
import { renderStandupListForTeams } from './standup-list.ts';
import { renderStandupStatsForTeams } from './standup-stats.ts';
import { renderStandupSetupCard } from './standup-setup-card.ts';
import { renderApprovalForTeams } from './approval.ts';
import { renderApprovalListForTeams } from './approval-list.ts';
import { renderAnswerForTeams } from './answer.ts';
import { renderHelpForTeams } from './help.ts';
import { renderNoticeForTeams } from './notice.ts';
import { renderPolicyForTeams } from './policy.ts';
import { renderSprintHealthForTeams } from './sprint-health.ts';
import { renderTeamForTeams } from './team.ts';
import { renderTriageDigestForTeams } from './triage-digest.ts';
import { renderTriageNoticeForTeams } from './triage-notice.ts';
import type { AdaptiveCard } from './types.ts';

export function renderViewForTeams(view: View): AdaptiveCard {
  switch (view.kind) {
    case 'help':
      return renderHelpForTeams(view);
    case 'notice':
      return renderNoticeForTeams(view);
    case 'approval':
      return renderApprovalForTeams(view);
    case 'approval-list':
      return renderApprovalListForTeams(view);
    case 'policy':
      return renderPolicyForTeams(view);
    case 'team':
      return renderTeamForTeams(view);
    case 'answer':
      return renderAnswerForTeams(view);
    case 'standup-prompt':
      return renderStandupPromptForTeams(view);
    case 'standup-report':
      return renderStandupReportForTeams(view);
    case 'standup-answer':
      return renderStandupAnswerForTeams(view);
    case 'standup-list':
      return renderStandupListForTeams(view);
    case 'standup-stats':
      return renderStandupStatsForTeams(view);
    case 'home':
      return renderHomeForTeams(view);
    case 'standup-setup':
      return renderStandupSetupCard(view);
    case 'triage-queue':
      return renderTriageQueueForTeams(view);
    case 'triage-notice':
      return renderTriageNoticeForTeams(view);
    case 'sprint-health':
      return renderSprintHealthForTeams(view);
    case 'triage-digest':
      return renderTriageDigestForTeams(view);
    case 'flow':
      return renderFlowForTeams(view);
    case 'flow-why':
      return renderFlowWhyForTeams(view);
    case 'privacy':
      return renderPrivacyForTeams(view);
    case 'dora':
      return renderDoraForTeams(view);
    case 'dora-why':
      return renderDoraWhyForTeams(view);
    case 'delivery-digest':
      return renderDeliveryDigestForTeams(view);
  }
}
