import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApprovalHomeForSlack } from '../../cards/slack/approval-home.ts';
import { APPROVAL_ACTIONS } from '../../cards/slack/approval.ts';
import { renderModifyModalForSlack } from '../../cards/slack/modify-approval-modal.ts';
import { renderViewForSlack } from '../../cards/slack/render-view.ts';
import type { Block, SlackMessage } from '../../cards/slack/types.ts';
import type { ApprovalSummary, ApprovalView, View } from '../../handlers/types.ts';
import { assertViewWithinSlackLimits, assertWithinSlackLimits } from '../support/validate-cards.ts';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden', 'slack');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const PENDING: ApprovalSummary = {
  id: '6f1c2d3e-0000-4000-8000-000000000042',
  actionType: 'pr.merge',
  targetRef: 'github:acme/api#42',
  risk: 'high',
  mode: 'require_approval',
  status: 'pending',
  requester: 'slack:U0ALICE',
  createdAt: '2026-11-24T09:00:00.000Z',
  expiresAt: '2026-11-25T09:00:00.000Z',
  payloadPreview: JSON.stringify({ merge_method: 'squash', commit_title: 'Fix <b> & ```quotes```' }, null, 2),
  reasons: ['pr.merge is high risk and needs 2 approvals.', 'Approvers: the high tier.'],
  approvalsNeeded: 2,
  approvedBy: ['slack:U0BOB'],
  decidedBy: null,
  reason: null,
  modified: false,
  execution: { status: 'not_started', summary: null, url: null },
};

const APPROVED: ApprovalSummary = {
  ...PENDING,
  status: 'approved',
  approvedBy: ['slack:U0BOB', 'slack:U0CAROL'],
  decidedBy: 'slack:U0CAROL',
  modified: true,
  payloadPreview: JSON.stringify({ merge_method: 'rebase' }, null, 2),
  execution: {
    status: 'succeeded',
    summary: 'merged acme/api#42',
    url: 'https://github.com/acme/api/pull/42',
  },
};

const DECLINED: ApprovalSummary = {
  ...PENDING,
  requester: 'api:release-bot',
  status: 'declined',
  approvedBy: [],
  decidedBy: 'slack:U0BOB',
  reason: 'Not during the <freeze> & not on Friday',
};

const EXPIRED: ApprovalSummary = {
  ...PENDING,
  status: 'expired',
  approvedBy: [],
  decidedBy: 'system:expiry',
  reason: 'expired',
};

const approval = (summary: ApprovalSummary, decidable: boolean, note?: string): ApprovalView => ({
  kind: 'approval',
  approval: summary,
  decidable,
  ...(note ? { note } : {}),
});

const FIXTURES: Record<string, View> = {
  'approval-pending': approval(PENDING, true, 'Reminder: this is still waiting for a decision.'),
  'approval-pending-not-decidable': approval(PENDING, false),
  'approval-approved': approval(APPROVED, false),
  'approval-declined': approval(DECLINED, false),
  'approval-expired': approval(EXPIRED, false),
  'approval-list': {
    kind: 'approval-list',
    title: 'Waiting for a decision',
    items: [PENDING, { ...PENDING, id: 'second', actionType: 'policy.set', targetRef: 'policy:T1' }],
    more: 3,
  },
  'approval-list-empty': {
    kind: 'approval-list',
    title: 'Nothing is waiting for a decision',
    items: [],
    more: 0,
  },
  policy: {
    kind: 'policy',
    source: 'tenant',
    yaml: 'actions:\n  pr.merge: { risk: high, mode: require_approval, quorum: 2 }\n',
    updatedBy: 'slack:U0BOB',
    updatedAt: '2026-11-24T10:00:00.000Z',
  },
};

async function compareWithGolden(name: string, rendered: unknown): Promise<void> {
  const file = path.join(GOLDEN_DIR, `${name}.json`);
  const actual: unknown = JSON.parse(JSON.stringify(rendered));
  if (UPDATE) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  assert.ok(existsSync(file), `missing golden file ${file}: run with UPDATE_GOLDEN=1 and review it`);
  const text = await readFile(file, 'utf8');
  assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`, `${name}.json is not formatted`);
  assert.deepEqual(
    actual,
    JSON.parse(text),
    `slack/${name}.json differs; if intended, run with UPDATE_GOLDEN=1`,
  );
}

const HOME = renderApprovalHomeForSlack({
  views: [approval(PENDING, true), approval({ ...PENDING, id: 'mine', requester: 'slack:U0BOB' }, false)],
  more: 2,
  note: 'Approved and done: merged acme/api#42.',
});
const MODAL = renderModifyModalForSlack(
  PENDING,
  JSON.stringify({ merge_method: 'squash' }, null, 2),
  JSON.stringify({ approvalId: PENDING.id }),
);

const actionsOf = (message: { blocks: Block[] }) =>
  message.blocks.filter((block) => block.type === 'actions');

describe('Slack approval cards', () => {
  for (const [name, view] of Object.entries(FIXTURES)) {
    it(`renders ${name} as in golden/slack/${name}.json, within Slack's limits`, async () => {
      const message = renderViewForSlack(view);
      assertWithinSlackLimits(message, name);
      await compareWithGolden(name, message);
    });
  }

  it('renders the App Home queue and the Modify modal as in their goldens, within limits', async () => {
    assertViewWithinSlackLimits(HOME, 'home');
    assertViewWithinSlackLimits(MODAL, 'modal');
    await compareWithGolden('approval-home', HOME);
    await compareWithGolden('approval-modify-modal', MODAL);
  });

  it('offers Approve (primary), Decline (danger, confirmed) and Modify, valued with the approval id', () => {
    const [actions] = actionsOf(renderViewForSlack(FIXTURES['approval-pending']!));
    assert.ok(actions?.type === 'actions');
    assert.deepEqual(
      actions.elements.map((button) => [
        button.action_id,
        button.style,
        button.value,
        Boolean(button.confirm),
      ]),
      [
        [APPROVAL_ACTIONS.approve, 'primary', PENDING.id, false],
        [APPROVAL_ACTIONS.decline, 'danger', PENDING.id, true],
        [APPROVAL_ACTIONS.modify, undefined, PENDING.id, false],
      ],
    );
  });

  it('shows no buttons once closed, or to someone who may not decide', () => {
    for (const name of [
      'approval-approved',
      'approval-declined',
      'approval-expired',
      'approval-pending-not-decidable',
    ]) {
      assert.deepEqual(actionsOf(renderViewForSlack(FIXTURES[name]!)), [], name);
    }
    const home = JSON.stringify(HOME.blocks);
    assert.equal(actionsOf(HOME).length, 1, 'only the request the viewer may decide has buttons');
    assert.ok(home.includes(`approval:${PENDING.id}`));
  });

  it('mentions Slack requesters and approvers, and escapes what people wrote', () => {
    const pending = JSON.stringify(renderViewForSlack(FIXTURES['approval-pending']!));
    assert.ok(pending.includes('<@U0ALICE>') && pending.includes('1 of 2 (<@U0BOB>)'), pending);
    assert.ok(pending.includes('&lt;b&gt; &amp;'), 'payload escaped');
    assert.ok(!pending.includes('```quotes```'), 'a fence inside the payload would end the code block');
    const declined = JSON.stringify(renderViewForSlack(FIXTURES['approval-declined']!));
    assert.ok(
      declined.includes(
        'Declined* by <@U0BOB>: Not during the &lt;freeze&gt; &amp; not on Friday. It will not run.',
      ),
    );
    assert.ok(declined.includes('`api:release-bot`'));
    const approved = JSON.stringify(renderViewForSlack(FIXTURES['approval-approved']!));
    assert.ok(approved.includes('<https://github.com/acme/api/pull/42|View>'), approved);
  });

  it('keeps a huge payload preview, reasons and many list items within limits', () => {
    const huge: ApprovalSummary = {
      ...PENDING,
      payloadPreview: '<&>'.repeat(2_000),
      reasons: ['&'.repeat(5_000)],
      targetRef: 'x'.repeat(500),
    };
    assertWithinSlackLimits(renderViewForSlack(approval(huge, true)), 'huge approval');
    const list: View = {
      kind: 'approval-list',
      title: 'Waiting',
      items: Array.from({ length: 30 }, (_, index) => ({ ...huge, id: `id-${index}` })),
      more: 0,
    };
    const message: SlackMessage = renderViewForSlack(list);
    assertWithinSlackLimits(message, 'long list');
    assert.match(JSON.stringify(message.blocks.at(-2)), /and 7 more/);
    const home = renderApprovalHomeForSlack({
      views: Array.from({ length: 10 }, (_, index) =>
        approval({ ...huge, id: `id-${index}` }, index % 2 === 0),
      ),
      more: 40,
    });
    assertViewWithinSlackLimits(home, 'full home');
    const policy: View = { kind: 'policy', source: 'file', yaml: `${'key: <value> & more\n'.repeat(8_000)}` };
    assertWithinSlackLimits(renderViewForSlack(policy), 'long policy');
  });
});
