import type { HelpView } from '../../handlers/types.ts';
import { adaptiveCard, type AdaptiveCard } from './types.ts';

export function renderHelpForTeams(view: HelpView): AdaptiveCard {
  return adaptiveCard(`${view.title}: ${view.commands.map((command) => command.usage).join(', ')}`, [
    { type: 'TextBlock', text: view.title, wrap: true, weight: 'Bolder', size: 'Medium' },
    { type: 'TextBlock', text: view.intro, wrap: true, isSubtle: true },
    {
      type: 'FactSet',
      facts: view.commands.map((command) => ({ title: command.usage, value: command.description })),
    },
  ]);
}
