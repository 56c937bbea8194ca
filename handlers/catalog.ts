import type { CommandInput, CommandPorts, Reply } from './types.ts';

export interface CommandDefinition {
  name: string;
  /** Arguments as shown in help, e.g. `<login>`; empty when the command takes none. */
  argsHint: string;
  description: string;
  run(input: CommandInput, ports: CommandPorts): Promise<Reply> | Reply;
}

/** Formats a command the way a person types it on each surface: `/em help` in Slack, `help` in Teams. */
export function formatUsage(surface: CommandInput['actor']['surface'], name: string, argsHint = ''): string {
  const typed = [name, argsHint].filter(Boolean).join(' ');
  return surface === 'slack' ? `/em ${typed}` : typed;
}
