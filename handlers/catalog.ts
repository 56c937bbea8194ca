import type { CommandInput, CommandPorts, Reply } from './types.ts';

export interface CommandDefinition {
  name: string;
  /** Arguments as shown in help, e.g. `<login>`; empty when the command takes none. */
  argsHint: string;
  description: string;
  /**
   * False for a command left out of the Teams app's command menu, which holds at most 10 per scope. It still
   * works there, and help lists it.
   */
  inTeamsMenu?: false;
  run(input: CommandInput, ports: CommandPorts): Promise<Reply> | Reply;
}

/** Formats a command the way a person types it on each surface: `/em help` in Slack, `help` in Teams. */
export function formatUsage(surface: CommandInput['actor']['surface'], name: string, argsHint = ''): string {
  const typed = [name, argsHint].filter(Boolean).join(' ');
  return surface === 'slack' ? `/em ${typed}` : typed;
}
