import type { StandupFormInput, StandupFormProblems } from './check-standup-form.ts';
import type { Standup, StandupSettings } from './types.ts';

/**
 * The set-up form (a modal in Slack, a card form in Teams), new or for editing: what its inputs start with and,
 * after a refused submission, what to fix. Slack opens it with the command's trigger; elsewhere it renders as a
 * message with a button that opens it.
 */
export interface StandupSetupView {
  kind: 'standup-setup';
  /** Set when editing: the submission updates this standup. */
  standupId?: string;
  form: StandupFormInput;
  problems?: StandupFormProblems;
}

/** The form values a standup's settings fill in, for editing it. */
export function formOfSettings(settings: StandupSettings | Standup): StandupFormInput {
  return {
    name: settings.name,
    reportChannel: settings.reportChannel,
    members: settings.members,
    memberSource: settings.memberSource,
    questions: settings.questions.map((question) => ({
      id: question.id,
      text: question.text,
      kind: question.kind,
      ...(question.choices ? { choices: question.choices } : {}),
      ...(question.blockers ? { blockers: true } : {}),
    })),
    days: settings.days,
    promptTime: settings.promptTime,
    deadlineTime: settings.deadlineTime,
    reminderMinutes: settings.reminderMinutes,
  };
}
