import { STANDUP_SETUP_INPUTS } from '../../cards/teams/standup-setup-card.ts';
import {
  MAX_QUESTIONS,
  type QuestionInput,
  type StandupFormInput,
} from '../../handlers/standup/check-standup-form.ts';
import type { StandupQuestion } from '../../handlers/standup/types.ts';

export interface ReadTeamsSetup {
  form: StandupFormInput;
  rows: number;
  /** `roster`: this conversation's members; `people`: the listed emails. */
  membersFrom: 'roster' | 'people';
  emails: string[];
  /** The emails as typed, to show again. */
  emailsTyped: string;
  standupId?: string;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : '');

/** Input.Time sends `HH:mm`; some clients add seconds. */
const timeOf = (value: unknown) => textOf(value).trim().slice(0, 5);

/**
 * The set-up card's inputs (the invoke's data) as form values; members and the report channel are left to
 * the route, which knows the conversation. Question ids are kept by row from the standup being edited.
 */
export function readTeamsSetup(
  data: Record<string, unknown>,
  previous: readonly StandupQuestion[] = [],
): ReadTeamsSetup {
  const inputs = STANDUP_SETUP_INPUTS;
  const rows = Math.min(Math.max(Number(textOf(data.rows)) || 3, 1), MAX_QUESTIONS);
  const questions: QuestionInput[] = Array.from({ length: rows }, (_, index) => {
    const row = index + 1;
    const id = previous[index]?.id;
    return {
      ...(id ? { id } : {}),
      text: textOf(data[inputs.question(row)]),
      kind: textOf(data[inputs.kind(row)]) || 'text',
      choices: textOf(data[inputs.choices(row)]),
      blockers: textOf(data[inputs.blockers(row)]) === 'true',
    };
  });
  const reminder = textOf(data[inputs.reminder]);
  const emailsTyped = textOf(data[inputs.memberEmails]);
  const standupId = textOf(data.standupId);
  return {
    form: {
      name: textOf(data[inputs.name]),
      questions,
      days: textOf(data[inputs.days]).split(',').filter(Boolean),
      promptTime: timeOf(data[inputs.promptTime]),
      deadlineTime: timeOf(data[inputs.deadlineTime]),
      reminderMinutes: reminder === '' || reminder === 'none' ? null : reminder,
    },
    rows,
    membersFrom: textOf(data[inputs.memberSource]) === 'people' ? 'people' : 'roster',
    emails: emailsTyped.split(/[,;\s]+/).filter((email) => email.includes('@')),
    emailsTyped,
    ...(standupId ? { standupId } : {}),
  };
}
