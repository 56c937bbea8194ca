import { formatUsage, type CommandDefinition } from '../catalog.ts';
import type { CommandInput, Reply } from '../types.ts';
import { suggestCommand } from './suggest-command.ts';

const MAX_ECHO = 40;

/**
 * What we repeat back of an unknown command: letters, digits and `-_.` only, so a typed link, mention or
 * markdown (`[x](https://…)`, `<!channel>`) can never become live in the card that echoes it.
 */
function echoable(name: string): string {
  const plain = name.replace(/[^\p{L}\p{N}_.-]/gu, '');
  return plain.length > MAX_ECHO ? `${plain.slice(0, MAX_ECHO)}…` : plain;
}

export function unknownCommand(input: CommandInput, commands: readonly CommandDefinition[]): Reply {
  const { surface } = input.actor;
  const guess = suggestCommand(
    input.name,
    commands.map((command) => command.name),
  );
  const typed = echoable(input.name);
  return {
    visibility: 'private',
    view: {
      kind: 'notice',
      tone: 'warning',
      title: typed ? `I don't know "${typed}" yet` : `I don't know that command yet`,
      body: guess
        ? `Did you mean ${formatUsage(surface, guess)}?`
        : `${formatUsage(surface, 'help')} lists everything I can do.`,
      suggestion: formatUsage(surface, guess ?? 'help'),
    },
  };
}
