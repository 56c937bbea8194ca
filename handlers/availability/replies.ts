import type { CommandInput, Reply } from '../types.ts';

/** Availability replies are about the person who asked, for them alone (time off may say why). */
export function notice(
  tone: 'info' | 'warning' | 'error',
  title: string,
  body: string,
  suggestion?: string,
): Reply {
  return {
    view: { kind: 'notice', tone, title, body, ...(suggestion ? { suggestion } : {}) },
    visibility: 'personal',
  };
}

/** A reply about the team's defaults, not the asker: it may answer where they asked. */
export const aboutTheTeam = (reply: Reply): Reply => ({ ...reply, visibility: 'private' });

export const unavailable = () =>
  notice('error', 'Availability is not available', 'The availability store is not connected.');

export const accountOf = (input: CommandInput) => ({ tool: input.actor.surface, handle: input.actor.userId });
