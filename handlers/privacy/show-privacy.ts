import type { CommandInput, Reply } from '../types.ts';
import type { PrivacyView, RetentionSettings } from './privacy-view.ts';

/** What `/em privacy` says when no settings are wired: the defaults of bot/config.ts. */
export const DEFAULT_RETENTION: RetentionSettings = {
  rawEventsDays: 30,
  askAnswerDays: 90,
  standupAnswerDays: 180,
};

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

/** The privacy notice: stated from the retention settings in force, the same for everyone who asks. */
export function buildPrivacyView(retention: RetentionSettings): PrivacyView {
  return {
    kind: 'privacy',
    title: 'What em-agent stores, and who sees it',
    intro:
      'Metrics are about teams and flow. Nobody’s own numbers are shown to anyone but that person, and nobody is ranked.',
    sections: [
      {
        title: 'What is stored',
        lines: [
          'Facts from GitHub, Jira and PagerDuty: pull requests, reviews, commits, deployments, issues and their status history, incidents.',
          'Your links across tools (your chat, GitHub, Jira and PagerDuty accounts), your time zone, working hours, holidays and time off.',
          'Standup answers and blockers; questions asked with `ask` and their answers; approvals and the audit ledger of every action.',
          'Triage marks (snoozes, "I\'m on it", nudges sent) and your notification settings.',
        ],
      },
      {
        title: 'For how long',
        lines: [
          `Raw webhook deliveries: ${days(retention.rawEventsDays)} once turned into facts (job purge-raw-events).`,
          `Standup answers: ${days(retention.standupAnswerDays)}; closed blockers lose their text then (job purge-standup-answers).`,
          `Question and answer text of ask: ${days(retention.askAnswerDays)}; what kind of answer it was and its votes stay (job purge-answer-text).`,
          'Normalized facts, identity links, settings and triage marks: until deleted (there is no purge job for them yet).',
          'The audit ledger: never changed or deleted by the bot.',
        ],
      },
      {
        title: 'Who sees what',
        lines: [
          'Team figures (flow, standup stats, team, triage of a team): anyone in the workspace who asks. They count PRs, issues and reviews, never rank people.',
          'Your own flow figures (flow me): only you, privately; in Teams only in your personal chat. Ask for triage me there too: in a Teams channel, others would see it.',
          'Your standup answer: the members of the standup’s report channel. Your doc questions: you, unless you share the answer.',
          'Approvals: the requester and the approvers the policy names. The audit ledger: admins, through the CLI or the REST API.',
          'The language model sees only what ask and standup summaries send it, with secrets removed and personal data redacted as the policy says.',
        ],
      },
    ],
  };
}

/** `/em privacy` (Teams: `privacy`). */
export function showPrivacy(_input: CommandInput, retention: RetentionSettings = DEFAULT_RETENTION): Reply {
  return { visibility: 'private', view: buildPrivacyView(retention) };
}
