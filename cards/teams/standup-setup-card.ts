import {
  MAX_QUESTIONS,
  type StandupFormField,
  type StandupFormProblems,
} from '../../handlers/standup/check-standup-form.ts';
import type { StandupSetupView } from '../../handlers/standup/setup-view.ts';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './types.ts';

/** Verbs of the set-up card; data carries `standupId` when editing and `rows`, the question rows shown. */
export const STANDUP_SETUP_VERBS = {
  save: 'standupSetupSave',
  addQuestion: 'standupSetupAddQuestion',
} as const;

/** Input ids of the set-up card, read back from the invoke's data. */
export const STANDUP_SETUP_INPUTS = {
  name: 'name',
  memberSource: 'memberSource',
  memberEmails: 'memberEmails',
  days: 'days',
  promptTime: 'promptTime',
  deadlineTime: 'deadlineTime',
  reminder: 'reminder',
  question: (row: number) => `q${row}_text`,
  kind: (row: number) => `q${row}_kind`,
  choices: (row: number) => `q${row}_choices`,
  blockers: (row: number) => `q${row}_blockers`,
} as const;

export interface StandupSetupCardOptions {
  rows?: number;
  /** The emails as typed, kept when the card comes back with problems. */
  memberEmails?: string;
  /** The members choice as made; without it, people when the form lists people, else the roster. */
  membersFrom?: 'roster' | 'people';
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  reportChannel: 'Report channel',
  members: 'Members',
  questions: 'Questions',
  days: 'Days',
  promptTime: 'Prompt at',
  deadlineTime: 'Deadline',
  reminderMinutes: 'Reminder',
};

const labelOf = (field: string) => FIELD_LABELS[field] ?? field.replace(/^question-(\d+)$/, 'Question $1');

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const REMINDER_CHOICES = [5, 10, 15, 20, 30, 45, 60, 90, 120];

function problemLines(problems: StandupFormProblems | undefined): CardElement[] {
  return Object.entries(problems ?? {}).map(([field, problem]) => ({
    type: 'TextBlock',
    text: `${labelOf(field as StandupFormField)}: ${problem}`,
    wrap: true,
    color: 'Attention',
    spacing: 'None',
  }));
}

function questionRow(view: StandupSetupView, row: number): CardElement {
  const question = view.form.questions?.[row - 1];
  const choices = Array.isArray(question?.choices) ? question.choices.join(', ') : (question?.choices ?? '');
  return {
    type: 'Container',
    separator: true,
    items: [
      {
        type: 'Input.Text',
        id: STANDUP_SETUP_INPUTS.question(row),
        label: `Question ${row}`,
        maxLength: 150,
        ...(question?.text ? { value: question.text } : {}),
      },
      {
        type: 'Input.ChoiceSet',
        id: STANDUP_SETUP_INPUTS.kind(row),
        label: 'Answered with',
        style: 'compact',
        choices: [
          { title: 'Text', value: 'text' },
          { title: 'Choice', value: 'choice' },
        ],
        value: question?.kind === 'choice' ? 'choice' : 'text',
      },
      {
        type: 'Input.Text',
        id: STANDUP_SETUP_INPUTS.choices(row),
        label: 'Choices (for a choice question, separated by commas)',
        maxLength: 800,
        ...(choices ? { value: choices } : {}),
      },
      {
        type: 'Input.Toggle',
        id: STANDUP_SETUP_INPUTS.blockers(row),
        title: 'This is the blockers question',
        value: question?.blockers ? 'true' : 'false',
      },
    ],
  };
}

/**
 * The set-up form as a card, new or for editing. Members are this conversation's roster by default, or the people
 * whose emails are listed (matched through the people em-agent knows). Problems show above the inputs, values kept.
 */
export function renderStandupSetupCard(
  view: StandupSetupView,
  options: StandupSetupCardOptions = {},
): AdaptiveCard {
  const { form } = view;
  const rows = Math.min(Math.max(options.rows ?? form.questions?.length ?? 3, 1), MAX_QUESTIONS);
  const reminder =
    form.reminderMinutes === null || form.reminderMinutes === undefined ? null : Number(form.reminderMinutes);
  const people = options.membersFrom
    ? options.membersFrom === 'people'
    : form.memberSource?.kind === 'people' && (form.members?.length ?? 0) > 0;
  const data = { rows: String(rows), ...(view.standupId ? { standupId: view.standupId } : {}) };
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: view.standupId ? `Edit ${form.name ?? 'standup'}` : 'Set up a standup',
      wrap: true,
      weight: 'Bolder',
      size: 'Medium',
    },
    ...problemLines(view.problems),
    {
      type: 'Input.Text',
      id: STANDUP_SETUP_INPUTS.name,
      label: 'Name',
      maxLength: 80,
      placeholder: 'Platform daily',
      ...(form.name ? { value: form.name } : {}),
    },
    {
      type: 'TextBlock',
      text: 'The report goes to this conversation.',
      wrap: true,
      isSubtle: true,
      spacing: 'Small',
    },
    {
      type: 'Input.ChoiceSet',
      id: STANDUP_SETUP_INPUTS.memberSource,
      label: 'Members',
      style: 'expanded',
      choices: [
        { title: 'Everyone in this conversation (read again before each day)', value: 'roster' },
        { title: 'Only the people listed below', value: 'people' },
      ],
      value: people ? 'people' : 'roster',
    },
    {
      type: 'Input.Text',
      id: STANDUP_SETUP_INPUTS.memberEmails,
      label: 'People (emails, separated by commas)',
      placeholder: 'ana@example.com, ben@example.com',
      maxLength: 3000,
      ...(options.memberEmails ? { value: options.memberEmails } : {}),
    },
    ...Array.from({ length: rows }, (_, index) => questionRow(view, index + 1)),
    {
      type: 'Input.ChoiceSet',
      id: STANDUP_SETUP_INPUTS.days,
      label: 'Days',
      style: 'expanded',
      isMultiSelect: true,
      choices: WEEKDAYS.map((title, index) => ({ title, value: String(index + 1) })),
      value: (form.days ?? []).join(','),
    },
    {
      type: 'Input.Time',
      id: STANDUP_SETUP_INPUTS.promptTime,
      label: "Prompt at (each member's own local time)",
      ...(form.promptTime ? { value: form.promptTime } : {}),
    },
    {
      type: 'Input.Time',
      id: STANDUP_SETUP_INPUTS.deadlineTime,
      label: 'Deadline',
      ...(form.deadlineTime ? { value: form.deadlineTime } : {}),
    },
    {
      type: 'Input.ChoiceSet',
      id: STANDUP_SETUP_INPUTS.reminder,
      label: 'Reminder',
      style: 'compact',
      choices: [
        { title: 'No reminder', value: 'none' },
        ...[...new Set([...REMINDER_CHOICES, ...(reminder ? [reminder] : [])])]
          .sort((a, b) => a - b)
          .map((minutes) => ({ title: `${minutes} minutes before the deadline`, value: String(minutes) })),
      ],
      value: reminder ? String(reminder) : 'none',
    },
  ];
  return adaptiveCard(view.standupId ? `Edit ${form.name ?? 'standup'}` : 'Set up a standup', body, [
    { type: 'Action.Execute', title: 'Save', verb: STANDUP_SETUP_VERBS.save, data, style: 'positive' },
    ...(rows < MAX_QUESTIONS
      ? [
          {
            type: 'Action.Execute' as const,
            title: 'Add question',
            verb: STANDUP_SETUP_VERBS.addQuestion,
            data,
          },
        ]
      : []),
  ]);
}
