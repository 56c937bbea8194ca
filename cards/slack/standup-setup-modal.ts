import {
  MAX_QUESTIONS,
  type StandupFormField,
  type StandupFormInput,
} from '../../handlers/standup/check-standup-form.ts';
import type { StandupSetupView } from '../../handlers/standup/setup-view.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { Block, SelectOption, SlackMessage, SlackModalView } from './types.ts';

/**
 * Ids of the set-up modal. Every input's action_id is `value`, so state reads `values[block][value]`; a
 * question's rows are `question_<n>`, `question_<n>_kind` and `question_<n>_choices`.
 */
export const STANDUP_SETUP_MODAL = {
  callbackId: 'standup_setup',
  action: 'value',
  addQuestionAction: 'standup_setup_add_question',
  /** The button of the set-up message (when the modal could not open at once). */
  openAction: 'standup_setup_open',
  blocks: {
    name: 'name',
    reportChannel: 'report_channel',
    members: 'members',
    usergroup: 'usergroup',
    blockers: 'blockers',
    days: 'days',
    promptTime: 'prompt_time',
    deadlineTime: 'deadline_time',
    reminder: 'reminder',
    question: (row: number) => `question_${row}`,
    kind: (row: number) => `question_${row}_kind`,
    choices: (row: number) => `question_${row}_choices`,
  },
} as const;

/** What the modal's private_metadata carries between opening, "Add question" and submission. */
export interface StandupSetupMetadata {
  standupId?: string;
  /** Where the command was typed: the confirmation goes there. */
  channel?: string;
  rows: number;
}

export function readStandupSetupMetadata(text: string | undefined): StandupSetupMetadata | undefined {
  try {
    const parsed = JSON.parse(text ?? '') as Partial<StandupSetupMetadata>;
    if (typeof parsed.rows !== 'number') return undefined;
    return {
      rows: Math.min(Math.max(parsed.rows, 1), MAX_QUESTIONS),
      ...(typeof parsed.standupId === 'string' ? { standupId: parsed.standupId } : {}),
      ...(typeof parsed.channel === 'string' ? { channel: parsed.channel } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A user group the bot may read (usergroups.list), offered in a select instead of a typed handle. */
export interface SlackUsergroup {
  id: string;
  handle: string;
  name: string;
}

export interface StandupSetupModalOptions {
  /** Question rows to show (the questions in the form, or one more after "Add question"). */
  rows?: number;
  channel?: string;
  /** When listed, a select; absent or empty (no usergroups:read, none defined), a text input for `@handle`. */
  usergroups?: readonly SlackUsergroup[];
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const REMINDER_CHOICES = [5, 10, 15, 20, 30, 45, 60, 90, 120];

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const option = (text: string, value: string): SelectOption => ({ text: plain(truncate(text, 75)), value });

/** Which block shows the problem with each checked field. */
export function setupBlockOf(field: StandupFormField): string {
  const question = /^question-(\d+)$/.exec(field);
  if (question) return STANDUP_SETUP_MODAL.blocks.question(Number(question[1]));
  const blocks = STANDUP_SETUP_MODAL.blocks;
  const byField: Record<string, string> = {
    name: blocks.name,
    reportChannel: blocks.reportChannel,
    members: blocks.members,
    questions: blocks.blockers,
    days: blocks.days,
    promptTime: blocks.promptTime,
    deadlineTime: blocks.deadlineTime,
    reminderMinutes: blocks.reminder,
  };
  return byField[field] ?? blocks.name;
}

function questionBlocks(form: StandupFormInput, row: number): Block[] {
  const question = form.questions?.[row - 1];
  const kinds = [option('Text', 'text'), option('Choice', 'choice')];
  const choices = Array.isArray(question?.choices) ? question.choices.join(', ') : (question?.choices ?? '');
  return [
    {
      type: 'input',
      block_id: STANDUP_SETUP_MODAL.blocks.question(row),
      optional: true,
      label: plain(`Question ${row}`),
      element: {
        type: 'plain_text_input',
        action_id: STANDUP_SETUP_MODAL.action,
        max_length: 150,
        ...(question?.text ? { initial_value: question.text } : {}),
      },
    },
    {
      type: 'input',
      block_id: STANDUP_SETUP_MODAL.blocks.kind(row),
      optional: true,
      label: plain(`Question ${row}: answered with`),
      element: {
        type: 'static_select',
        action_id: STANDUP_SETUP_MODAL.action,
        options: kinds,
        initial_option: question?.kind === 'choice' ? kinds[1]! : kinds[0]!,
      },
    },
    {
      type: 'input',
      block_id: STANDUP_SETUP_MODAL.blocks.choices(row),
      optional: true,
      label: plain(`Question ${row}: choices`),
      hint: plain('For a choice question: the options, separated by commas.'),
      element: {
        type: 'plain_text_input',
        action_id: STANDUP_SETUP_MODAL.action,
        max_length: 800,
        ...(choices ? { initial_value: choices } : {}),
      },
    },
  ];
}

function membersBlocks(form: StandupFormInput, usergroups: readonly SlackUsergroup[]): Block[] {
  const source = form.memberSource;
  const groupId = source?.kind === 'slack-usergroup' ? source.usergroupId : undefined;
  const people = (form.members ?? [])
    .filter((member) => member.tool === 'slack')
    .map((member) => member.handle);
  const groupOptions = usergroups
    .slice(0, 100)
    .map((group) => option(`@${group.handle} (${group.name})`, group.id));
  const initialGroup = groupOptions.find((candidate) => candidate.value === groupId);
  return [
    {
      type: 'input',
      block_id: STANDUP_SETUP_MODAL.blocks.members,
      optional: true,
      label: plain('Members'),
      hint: plain('People, or a user group below (its members are read again before each day).'),
      element: {
        type: 'multi_users_select',
        action_id: STANDUP_SETUP_MODAL.action,
        ...(people.length > 0 && !groupId ? { initial_users: people } : {}),
      },
    },
    groupOptions.length > 0
      ? {
          type: 'input',
          block_id: STANDUP_SETUP_MODAL.blocks.usergroup,
          optional: true,
          label: plain('Or a user group'),
          element: {
            type: 'static_select',
            action_id: STANDUP_SETUP_MODAL.action,
            options: groupOptions,
            ...(initialGroup ? { initial_option: initialGroup } : {}),
          },
        }
      : {
          type: 'input',
          block_id: STANDUP_SETUP_MODAL.blocks.usergroup,
          optional: true,
          label: plain('Or a user group'),
          hint: plain('Its handle, e.g. @platform-team.'),
          element: {
            type: 'plain_text_input',
            action_id: STANDUP_SETUP_MODAL.action,
            max_length: 100,
            ...(groupId ? { initial_value: groupId } : {}),
          },
        },
  ];
}

/** The set-up modal, new or pre-filled for editing; "Add question" grows it by a row (views.update). */
export function renderStandupSetupModal(
  view: StandupSetupView,
  options: StandupSetupModalOptions = {},
): SlackModalView {
  const { form } = view;
  const rows = Math.min(Math.max(options.rows ?? form.questions?.length ?? 3, 1), MAX_QUESTIONS);
  const metadata: StandupSetupMetadata = {
    rows,
    ...(view.standupId ? { standupId: view.standupId } : {}),
    ...(options.channel ? { channel: options.channel } : {}),
  };
  const blockersRow = (form.questions ?? []).findIndex((question) => question.blockers) + 1;
  const blockerOptions = [
    ...Array.from({ length: rows }, (_, index) => option(`Question ${index + 1}`, String(index + 1))),
    option('None', 'none'),
  ];
  const days = (form.days ?? []).map(Number);
  const dayOptions = WEEKDAY_NAMES.map((name, index) => option(name, String(index + 1)));
  const reminder =
    form.reminderMinutes === null || form.reminderMinutes === undefined ? null : Number(form.reminderMinutes);
  const reminderOptions = [
    option('No reminder', 'none'),
    ...[...new Set([...REMINDER_CHOICES, ...(reminder ? [reminder] : [])])]
      .sort((a, b) => a - b)
      .map((minutes) => option(`${minutes} minutes before`, String(minutes))),
  ];
  const blocks: Block[] = [
    {
      type: 'input',
      block_id: STANDUP_SETUP_MODAL.blocks.name,
      label: plain('Name'),
      element: {
        type: 'plain_text_input',
        action_id: STANDUP_SETUP_MODAL.action,
        max_length: 80,
        placeholder: plain('Platform daily'),
        ...(form.name ? { initial_value: form.name } : {}),
      },
    },
    {
      type: 'input',
      block_id: STANDUP_SETUP_MODAL.blocks.reportChannel,
      label: plain('Report channel'),
      element: {
        type: 'conversations_select',
        action_id: STANDUP_SETUP_MODAL.action,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(form.reportChannel ? { initial_conversation: form.reportChannel } : {}),
      },
    },
    ...membersBlocks(form, options.usergroups ?? []),
    { type: 'divider' },
    ...Array.from({ length: rows }, (_, index) => questionBlocks(form, index + 1)).flat(),
    {
      type: 'input',
      block_id: STANDUP_SETUP_MODAL.blocks.blockers,
      label: plain('Blockers question'),
      hint: plain('Answers to it are tracked as blockers and sent to whoever can unblock.'),
      element: {
        type: 'radio_buttons',
        action_id: STANDUP_SETUP_MODAL.action,
        options: blockerOptions,
        initial_option:
          blockersRow > 0 && blockersRow <= rows ? blockerOptions[blockersRow - 1]! : blockerOptions.at(-1)!,
      },
    },
    ...(rows < MAX_QUESTIONS
      ? [
          {
            type: 'actions' as const,
            block_id: 'standup_setup_actions',
            elements: [
              {
                type: 'button' as const,
                action_id: STANDUP_SETUP_MODAL.addQuestionAction,
                text: plain('Add question'),
              },
            ],
          },
        ]
      : []),
    { type: 'divider' },
    {
      type: 'input',
      block_id: STANDUP_SETUP_MODAL.blocks.days,
      label: plain('Days'),
      element: {
        type: 'checkboxes',
        action_id: STANDUP_SETUP_MODAL.action,
        options: dayOptions,
        ...(days.length > 0
          ? { initial_options: dayOptions.filter((candidate) => days.includes(Number(candidate.value))) }
          : {}),
      },
    },
    {
      type: 'input',
      block_id: STANDUP_SETUP_MODAL.blocks.promptTime,
      label: plain('Prompt at'),
      hint: plain("Each member's own local time."),
      element: {
        type: 'timepicker',
        action_id: STANDUP_SETUP_MODAL.action,
        ...(form.promptTime ? { initial_time: form.promptTime } : {}),
      },
    },
    {
      type: 'input',
      block_id: STANDUP_SETUP_MODAL.blocks.deadlineTime,
      label: plain('Deadline'),
      hint: plain('Answers after it count as late; the report is final after the last deadline.'),
      element: {
        type: 'timepicker',
        action_id: STANDUP_SETUP_MODAL.action,
        ...(form.deadlineTime ? { initial_time: form.deadlineTime } : {}),
      },
    },
    {
      type: 'input',
      block_id: STANDUP_SETUP_MODAL.blocks.reminder,
      label: plain('Reminder'),
      element: {
        type: 'static_select',
        action_id: STANDUP_SETUP_MODAL.action,
        options: reminderOptions,
        initial_option:
          reminderOptions.find((candidate) => candidate.value === String(reminder ?? 'none')) ??
          reminderOptions[0]!,
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: STANDUP_SETUP_MODAL.callbackId,
    private_metadata: JSON.stringify(metadata),
    title: plain(view.standupId ? 'Edit standup' : 'New standup'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks,
  };
}

/** The set-up as a message: a button that opens the modal (Slack needs a fresh trigger to open one). */
export function renderStandupSetupForSlack(view: StandupSetupView): SlackMessage {
  const title = view.standupId ? `Edit ${view.form.name ?? 'the standup'}` : 'Set up a standup';
  return {
    text: truncate(title, SLACK_LIMITS.fallbackText),
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncate(`*${escapeMrkdwn(title)}*\nThe form opens in a window.`, SLACK_LIMITS.sectionText),
        },
      },
      {
        type: 'actions',
        block_id: 'standup_setup',
        elements: [
          {
            type: 'button',
            action_id: STANDUP_SETUP_MODAL.openAction,
            text: plain('Open set-up'),
            style: 'primary',
            value: JSON.stringify(view.standupId ? { standupId: view.standupId } : {}),
          },
        ],
      },
    ],
  };
}
