import { STANDUP_SETUP_MODAL, type SlackUsergroup } from '../../../cards/slack/standup-setup-modal.ts';
import type { StandupFormInput, QuestionInput } from '../../../handlers/standup/check-standup-form.ts';
import type { StandupQuestion } from '../../../handlers/standup/types.ts';

/** What Slack sends back for one input of a modal (only the fields our elements fill). */
interface InputState {
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_users?: string[];
  selected_conversation?: string | null;
  selected_time?: string | null;
}

export type SetupState = Record<string, Record<string, InputState | undefined> | undefined>;

/** The typed user group: an id (`S…`) as is; a handle (`@platform`) as the usergroup it names, if any. */
export function usergroupOf(text: string, usergroups: readonly SlackUsergroup[]): string | undefined {
  const typed = text.trim();
  if (/^S[A-Z0-9]{2,}$/.test(typed)) return typed;
  const handle = typed.replace(/^@/, '').toLowerCase();
  return usergroups.find((group) => group.handle.toLowerCase() === handle)?.id;
}

export interface ReadSetup {
  form: StandupFormInput;
  /** A user group handle that still needs looking up (typed, not picked). */
  typedUsergroup?: string;
}

/**
 * The modal's state as form values. Question ids are kept from the standup being edited (row order), so
 * answers stay attached to their question when it is reworded.
 */
export function readSetupState(
  values: SetupState,
  rows: number,
  previous: readonly StandupQuestion[] = [],
): ReadSetup {
  const { blocks, action } = STANDUP_SETUP_MODAL;
  const input = (block: string) => values[block]?.[action];
  const blockersRow = input(blocks.blockers)?.selected_option?.value;
  const questions: QuestionInput[] = Array.from({ length: rows }, (_, index) => {
    const row = index + 1;
    const id = previous[index]?.id;
    return {
      ...(id ? { id } : {}),
      text: input(blocks.question(row))?.value ?? '',
      kind: input(blocks.kind(row))?.selected_option?.value ?? 'text',
      choices: input(blocks.choices(row))?.value ?? '',
      blockers: blockersRow === String(row),
    };
  });
  const group = input(blocks.usergroup);
  const picked = group?.selected_option?.value;
  const typed = group?.value?.trim() || undefined;
  const usergroupId = picked ?? (typed && /^S[A-Z0-9]{2,}$/.test(typed) ? typed : undefined);
  const reminder = input(blocks.reminder)?.selected_option?.value;
  return {
    form: {
      name: input(blocks.name)?.value ?? '',
      reportChannel: input(blocks.reportChannel)?.selected_conversation ?? '',
      members: (input(blocks.members)?.selected_users ?? []).map((handle) => ({
        tool: 'slack' as const,
        handle,
      })),
      memberSource: usergroupId ? { kind: 'slack-usergroup', usergroupId } : { kind: 'people' },
      questions,
      days: (input(blocks.days)?.selected_options ?? []).map((option) => option.value),
      promptTime: input(blocks.promptTime)?.selected_time ?? '',
      deadlineTime: input(blocks.deadlineTime)?.selected_time ?? '',
      reminderMinutes: reminder === undefined || reminder === 'none' ? null : reminder,
    },
    ...(typed && !usergroupId ? { typedUsergroup: typed } : {}),
  };
}
