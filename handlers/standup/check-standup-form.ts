/** Set-up as typed (a Slack modal, a Teams card) → the settings a standup keeps, or what to fix, per field. */

import type { Surface } from '../types.ts';
import type { ChatAccount, MemberSource, StandupQuestion, StandupSettings } from './types.ts';

export const MAX_NAME_LENGTH = 80;
export const MAX_QUESTIONS = 6;
/** Fits a Slack input label and a Teams label with room to spare. */
export const MAX_QUESTION_LENGTH = 150;
/** Slack's option text limit is 75; ten options keep a select short. */
export const MAX_CHOICES = 10;
export const MAX_CHOICE_LENGTH = 75;

export const DEFAULT_QUESTIONS: readonly StandupQuestion[] = [
  { id: 'q1', text: 'What did you do since your last standup?', kind: 'text' },
  { id: 'q2', text: 'What will you do today?', kind: 'text' },
  { id: 'q3', text: 'Anything blocking you?', kind: 'text', blockers: true },
];
export const DEFAULT_DAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_PROMPT_TIME = '09:30';
export const DEFAULT_DEADLINE_TIME = '11:00';
export const DEFAULT_REMINDER_MINUTES = 60;

/** One question row as typed; `id` is kept from an edited standup so answers survive rewording. */
export interface QuestionInput {
  id?: string;
  text?: string;
  kind?: string;
  /** Comma- or newline-separated, or already a list. */
  choices?: string | string[];
  blockers?: boolean;
}

export interface StandupFormInput {
  name?: string;
  reportChannel?: string;
  members?: ChatAccount[];
  memberSource?: MemberSource;
  questions?: QuestionInput[];
  /** ISO weekdays (1 Monday … 7 Sunday), as numbers or the strings a form sends. */
  days?: (string | number)[];
  promptTime?: string;
  deadlineTime?: string;
  /** Empty, `none` or null: no reminder. */
  reminderMinutes?: string | number | null;
}

/** Who sets it up and where: not typed, known from the request. */
export interface StandupFormContext {
  surface: Surface;
  owner: ChatAccount;
}

export type StandupFormField =
  | 'name'
  | 'reportChannel'
  | 'members'
  | 'questions'
  | `question-${number}`
  | 'days'
  | 'promptTime'
  | 'deadlineTime'
  | 'reminderMinutes';

export type StandupFormProblems = Partial<Record<StandupFormField, string>>;

export type CheckedStandupForm =
  { ok: true; settings: StandupSettings } | { ok: false; problems: StandupFormProblems };

/** Minutes since midnight of an `HH:MM` time (00:00–23:59), else undefined. */
export function minutesOf(time: string | undefined): number | undefined {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time?.trim() ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** The default reminder when it fits before the deadline, else half the gap (whole minutes). */
export function defaultReminderMinutes(promptTime: string, deadlineTime: string): number | null {
  const gap = (minutesOf(deadlineTime) ?? 0) - (minutesOf(promptTime) ?? 0);
  if (gap <= 1) return null;
  return gap > DEFAULT_REMINDER_MINUTES ? DEFAULT_REMINDER_MINUTES : Math.floor(gap / 2);
}

/** What a new set-up form starts with. */
export function defaultStandupSettings(context: StandupFormContext, reportChannel = ''): StandupSettings {
  return {
    name: '',
    surface: context.surface,
    reportChannel,
    owner: context.owner,
    members: [],
    memberSource: { kind: 'people' },
    questions: DEFAULT_QUESTIONS.map((question) => ({ ...question })),
    days: [...DEFAULT_DAYS],
    promptTime: DEFAULT_PROMPT_TIME,
    deadlineTime: DEFAULT_DEADLINE_TIME,
    reminderMinutes: defaultReminderMinutes(DEFAULT_PROMPT_TIME, DEFAULT_DEADLINE_TIME),
  };
}

function choicesOf(choices: QuestionInput['choices']): string[] {
  const list = Array.isArray(choices) ? choices : (choices ?? '').split(/[,\n]/);
  return [...new Set(list.map((choice) => choice.trim()).filter(Boolean))];
}

/** The rows people filled in (blank rows are skipped), with a stable id each: kept, or the next free `q<n>`. */
function checkQuestions(rows: QuestionInput[], problems: StandupFormProblems): StandupQuestion[] {
  const filled = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.text?.trim());
  if (filled.length === 0) problems.questions = 'Ask at least one question.';
  if (filled.length > MAX_QUESTIONS) problems.questions = `Ask at most ${MAX_QUESTIONS} questions.`;
  if (filled.filter(({ row }) => row.blockers).length > 1) {
    problems.questions = 'Mark at most one question as the blockers question.';
  }
  const used = new Set(filled.map(({ row }) => row.id).filter(Boolean));
  let next = 1;
  const freeId = () => {
    while (used.has(`q${next}`)) next += 1;
    used.add(`q${next}`);
    return `q${next}`;
  };
  return filled.map(({ row, index }) => {
    const text = row.text!.trim();
    const field = `question-${index + 1}` as const;
    if (text.length > MAX_QUESTION_LENGTH)
      problems[field] = `Keep it under ${MAX_QUESTION_LENGTH} characters.`;
    const question: StandupQuestion = {
      id: row.id || freeId(),
      text,
      kind: row.kind === 'choice' ? 'choice' : 'text',
    };
    if (question.kind === 'choice') {
      const choices = choicesOf(row.choices);
      if (choices.length < 2)
        problems[field] = 'A choice question needs at least 2 choices, separated by commas.';
      else if (choices.length > MAX_CHOICES) problems[field] = `Offer at most ${MAX_CHOICES} choices.`;
      else if (choices.some((choice) => choice.length > MAX_CHOICE_LENGTH)) {
        problems[field] = `Keep each choice under ${MAX_CHOICE_LENGTH} characters.`;
      }
      question.choices = choices;
    }
    if (row.blockers) question.blockers = true;
    return question;
  });
}

function checkDays(days: StandupFormInput['days'], problems: StandupFormProblems): number[] {
  const numbers = [...new Set((days ?? []).map(Number))].filter(
    (day) => Number.isInteger(day) && day >= 1 && day <= 7,
  );
  if (numbers.length === 0) problems.days = 'Pick at least one day.';
  return numbers.sort((a, b) => a - b);
}

function reminderOf(value: StandupFormInput['reminderMinutes']): number | null | undefined {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().toLowerCase();
  if (text === '' || text === 'none' || text === '0') return null;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** Checks every field at once, so a person sees all problems in one go. */
export function checkStandupForm(input: StandupFormInput, context: StandupFormContext): CheckedStandupForm {
  const problems: StandupFormProblems = {};
  const name = input.name?.trim() ?? '';
  if (!name) problems.name = 'Give the standup a name.';
  else if (name.length > MAX_NAME_LENGTH)
    problems.name = `Keep the name under ${MAX_NAME_LENGTH} characters.`;

  const reportChannel = input.reportChannel?.trim() ?? '';
  if (!reportChannel) problems.reportChannel = 'Pick the channel the report goes to.';

  const memberSource = input.memberSource ?? { kind: 'people' };
  const members = input.members ?? [];
  if (memberSource.kind === 'people' && members.length === 0) problems.members = 'Add at least one member.';

  const questions = checkQuestions(input.questions ?? [], problems);
  const days = checkDays(input.days, problems);

  const promptTime = input.promptTime?.trim() ?? '';
  const deadlineTime = input.deadlineTime?.trim() ?? '';
  const prompt = minutesOf(promptTime);
  const deadline = minutesOf(deadlineTime);
  if (prompt === undefined) problems.promptTime = 'Enter a time as HH:MM, e.g. 09:30.';
  if (deadline === undefined) problems.deadlineTime = 'Enter a time as HH:MM, e.g. 11:00.';
  else if (prompt !== undefined && deadline <= prompt) {
    problems.deadlineTime = 'The deadline must be after the prompt time (both in each member’s own zone).';
  }

  const reminderMinutes = reminderOf(input.reminderMinutes);
  if (reminderMinutes === undefined) problems.reminderMinutes = 'Enter a number of minutes, or none.';
  else if (reminderMinutes !== null && prompt !== undefined && deadline !== undefined && deadline > prompt) {
    if (reminderMinutes >= deadline - prompt) {
      problems.reminderMinutes = `The reminder must go after the prompt: less than ${deadline - prompt} minutes before the deadline.`;
    }
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      name,
      surface: context.surface,
      reportChannel,
      owner: context.owner,
      // For a group or roster: the members read at set-up, a snapshot the scheduler refreshes.
      members,
      memberSource,
      questions,
      days,
      promptTime,
      deadlineTime,
      reminderMinutes: reminderMinutes ?? null,
    },
  };
}
