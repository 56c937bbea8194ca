/** The Why button on a sprint-health answer: its action id, and the command it carries as its value. */
export const SPRINT_WHY_ACTION = 'sprint_why';

/** The command a Why button's value holds; anything else (a forged value) is refused. */
export function readSprintWhy(value: string | undefined): string | undefined {
  return value && /^sprint why \d{1,12}$/.test(value) ? value : undefined;
}
