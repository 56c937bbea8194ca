import type { StandupStatsView } from '../../handlers/standup/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SlackMessage } from './types.ts';

const DAYS = 14;

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '-');

/** `/standup stats`: the team's answer rate per day and how blockers moved; never anyone by name. */
export function renderStandupStatsForSlack(view: StandupStatsView): SlackMessage {
  const days = view.days.slice(-DAYS);
  const prompted = days.reduce((sum, day) => sum + day.prompted, 0);
  const answered = days.reduce((sum, day) => sum + day.answered, 0);
  const { blockers } = view;
  const median =
    blockers.medianHoursToUnblock === null
      ? 'no blocker closed yet'
      : `${blockers.medianHoursToUnblock} h median to unblock`;
  const blocks: Block[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(`${view.standupName}: stats`, SLACK_LIMITS.headerText),
        emoji: true,
      },
    },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Answer rate:* ${percent(answered, prompted)} (${answered} of ${prompted} prompts, last ${days.length} standup day${days.length === 1 ? '' : 's'})`,
      },
    },
  ];
  if (days.length > 0) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(
          days
            .map(
              (day) =>
                `\`${escapeMrkdwn(day.date)}\`  ${day.answered}/${day.prompted}  ${percent(day.answered, day.prompted)}`,
            )
            .join('\n'),
          SLACK_LIMITS.sectionText,
        ),
      },
    });
  }
  blocks.push(
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Blockers:* ${blockers.opened} opened · ${blockers.closed} closed · ${blockers.carried} carried over · ${median}`,
      },
    },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Team-level only: no one is ranked or counted by name.' }],
    },
  );
  return {
    text: truncate(
      escapeMrkdwn(
        `${view.standupName}: ${percent(answered, prompted)} answered, ${blockers.opened} blockers opened, ${blockers.closed} closed.`,
      ),
      SLACK_LIMITS.fallbackText,
    ),
    blocks,
  };
}
