import type { ApprovalSummary } from '../../handlers/types.ts';
import { escapeMrkdwn, SLACK_LIMITS, truncate } from './mrkdwn.ts';
import type { SlackModalView } from './types.ts';

/** Ids of the Modify modal and its inputs, read back from the view_submission's state. */
export const MODIFY_MODAL = {
  callbackId: 'approval.modify',
  payloadBlock: 'payload',
  payloadAction: 'json',
  reasonBlock: 'reason',
  reasonAction: 'text',
} as const;

/** The Modify modal: the payload as editable JSON and an optional reason. Submitting approves the change. */
export function renderModifyModalForSlack(
  approval: Pick<ApprovalSummary, 'actionType' | 'targetRef'>,
  payloadJson: string,
  privateMetadata: string,
): SlackModalView {
  return {
    type: 'modal',
    callback_id: MODIFY_MODAL.callbackId,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: 'Modify request' },
    submit: { type: 'plain_text', text: 'Approve changes' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncate(
            `*${escapeMrkdwn(approval.actionType)}* on \`${escapeMrkdwn(approval.targetRef)}\`\nEdit what will run. Submitting counts as your approval of the changed request.`,
            SLACK_LIMITS.sectionText,
          ),
        },
      },
      {
        type: 'input',
        block_id: MODIFY_MODAL.payloadBlock,
        label: { type: 'plain_text', text: 'Payload (JSON)' },
        element: {
          type: 'plain_text_input',
          action_id: MODIFY_MODAL.payloadAction,
          multiline: true,
          initial_value: payloadJson,
          max_length: SLACK_LIMITS.inputLength,
        },
        hint: {
          type: 'plain_text',
          text: 'A JSON object; the action checks its fields before anything runs.',
        },
      },
      {
        type: 'input',
        block_id: MODIFY_MODAL.reasonBlock,
        optional: true,
        label: { type: 'plain_text', text: 'Why change it?' },
        element: {
          type: 'plain_text_input',
          action_id: MODIFY_MODAL.reasonAction,
          max_length: 500,
          placeholder: { type: 'plain_text', text: 'Shown to the requester and kept in the audit log' },
        },
      },
    ],
  };
}
