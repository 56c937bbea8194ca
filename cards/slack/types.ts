/** The subset of Block Kit we emit. Plain data: Bolt's `respond`/`chat.postMessage` take it as is. */
export type TextObject =
  { type: 'mrkdwn'; text: string } | { type: 'plain_text'; text: string; emoji?: boolean };

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

/** The "Are you sure?" dialog Slack shows before a button's action is sent. */
export interface ConfirmDialog {
  title: PlainText;
  text: TextObject;
  confirm: PlainText;
  deny: PlainText;
  style?: 'primary' | 'danger';
}

export interface Button {
  type: 'button';
  action_id: string;
  text: PlainText;
  value?: string;
  /** A link button: Slack opens it and still sends the action (acknowledge it). */
  url?: string;
  style?: 'primary' | 'danger';
  confirm?: ConfirmDialog;
}

export interface PlainTextInput {
  type: 'plain_text_input';
  action_id: string;
  multiline?: boolean;
  initial_value?: string;
  max_length?: number;
  placeholder?: PlainText;
}

export interface SelectOption {
  text: PlainText;
  value: string;
}

/** The inputs a modal uses beside text: selects, pickers and choice lists (set-up and answer modals). */
export type InputElement =
  | PlainTextInput
  | {
      type: 'static_select';
      action_id: string;
      options: SelectOption[];
      initial_option?: SelectOption;
      placeholder?: PlainText;
    }
  | { type: 'multi_users_select'; action_id: string; initial_users?: string[]; placeholder?: PlainText }
  | {
      type: 'conversations_select';
      action_id: string;
      initial_conversation?: string;
      default_to_current_conversation?: boolean;
      filter?: { include?: ('public' | 'private' | 'im' | 'mpim')[]; exclude_bot_users?: boolean };
    }
  | { type: 'checkboxes'; action_id: string; options: SelectOption[]; initial_options?: SelectOption[] }
  | { type: 'radio_buttons'; action_id: string; options: SelectOption[]; initial_option?: SelectOption }
  | { type: 'timepicker'; action_id: string; initial_time?: string };

export type Block =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; block_id?: string; text: TextObject; fields?: TextObject[]; accessory?: Button }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' }
  | { type: 'actions'; block_id?: string; elements: Button[] }
  | {
      type: 'input';
      block_id: string;
      label: PlainText;
      element: InputElement;
      optional?: boolean;
      hint?: PlainText;
      /** Slack sends a block_actions payload when the value changes. */
      dispatch_action?: boolean;
    };

export interface SlackMessage {
  /** Notification and screen-reader fallback for the blocks. */
  text: string;
  blocks: Block[];
}

/** A modal, opened with views.open. */
export interface SlackModalView {
  type: 'modal';
  callback_id: string;
  private_metadata?: string;
  title: PlainText;
  submit?: PlainText;
  close?: PlainText;
  blocks: Block[];
}

/** The App Home tab, published with views.publish. */
export interface SlackHomeView {
  type: 'home';
  blocks: Block[];
}

export type SlackSurfaceView = SlackModalView | SlackHomeView;
