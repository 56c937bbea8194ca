import type { StandupStatsView } from '../../handlers/standup/types.ts';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './types.ts';

const DAYS = 14;

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '-');

/** `standup stats`: the team's answer rate per day and how blockers moved; never anyone by name. */
export function renderStandupStatsForTeams(view: StandupStatsView): AdaptiveCard {
  const days = view.days.slice(-DAYS);
  const prompted = days.reduce((sum, day) => sum + day.prompted, 0);
  const answered = days.reduce((sum, day) => sum + day.answered, 0);
  const { blockers } = view;
  const body: CardElement[] = [
    { type: 'TextBlock', text: `${view.standupName}: stats`, wrap: true, weight: 'Bolder', size: 'Medium' },
    {
      type: 'TextBlock',
      text: `Answer rate ${percent(answered, prompted)}: ${answered} of ${prompted} prompts over the last ${days.length} standup day${days.length === 1 ? '' : 's'}.`,
      wrap: true,
    },
  ];
  if (days.length > 0) {
    body.push({
      type: 'FactSet',
      facts: days.map((day) => ({
        title: day.date,
        value: `${day.answered}/${day.prompted} (${percent(day.answered, day.prompted)})`,
      })),
    });
  }
  body.push(
    {
      type: 'FactSet',
      facts: [
        { title: 'Blockers opened', value: String(blockers.opened) },
        { title: 'Closed', value: String(blockers.closed) },
        { title: 'Carried over', value: String(blockers.carried) },
        {
          title: 'Median to unblock',
          value: blockers.medianHoursToUnblock === null ? '-' : `${blockers.medianHoursToUnblock} h`,
        },
      ],
    },
    {
      type: 'TextBlock',
      text: 'Team-level only: no one is ranked or counted by name.',
      wrap: true,
      isSubtle: true,
    },
  );
  return adaptiveCard(
    `${view.standupName}: ${percent(answered, prompted)} answered, ${blockers.opened} blockers opened, ${blockers.closed} closed.`,
    body,
  );
}
