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

export type Block =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; block_id?: string; text: TextObject; fields?: TextObject[] }
  | { type: 'context'; elements: TextObject[] }
  | { type: 'divider' }
  | { type: 'actions'; block_id?: string; elements: Button[] }
  | {
      type: 'input';
      block_id: string;
      label: PlainText;
      element: PlainTextInput;
      optional?: boolean;
      hint?: PlainText;
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
