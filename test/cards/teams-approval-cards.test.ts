import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderApprovalForTeams } from '../../cards/teams/approval.ts';
import { renderViewForTeams } from '../../cards/teams/render-view.ts';
import type { AdaptiveCard } from '../../cards/teams/types.ts';
import type { ApprovalSummary, ApprovalView, View } from '../../handlers/types.ts';
import { adaptiveCardProblems, adaptiveCardVersion } from '../support/validate-cards.ts';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden', 'teams');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const PENDING: ApprovalSummary = {
  id: 'appr-1',
  actionType: 'pr.merge',
  targetRef: 'github:acme/api#42',
  risk: 'high',
  mode: 'require_approval',
  status: 'pending',
  requester: 'teams:aad-alice',
  createdAt: '2026-11-24T09:00:00.000Z',
  expiresAt: '2026-11-24T17:00:00.000Z',
  payloadPreview: '{\n  "merge_method": "squash"\n}',
  reasons: ['pr.merge is high risk and needs 2 approvals.', 'Approvers: the high tier.'],
  approvalsNeeded: 2,
  approvedBy: ['teams:aad-bob'],
  decidedBy: null,
  reason: null,
  modified: false,
  execution: { status: 'not_started', summary: null, url: null },
};

const approval = (changes: Partial<ApprovalSummary>): ApprovalSummary => ({ ...PENDING, ...changes });
const view = (summary: ApprovalSummary, decidable: boolean, note?: string): ApprovalView => ({
  kind: 'approval',
  approval: summary,
  decidable,
  ...(note ? { note } : {}),
});

/** Each fixture is a card a Teams viewer gets, with the options the bot passes. */
const FIXTURES: Record<string, () => AdaptiveCard> = {
  'approval-pending-decidable': () =>
    renderApprovalForTeams(view(PENDING, true), {
      refreshUserIds: ['29:1bob', '8:orgid:aad-carol'],
      payloadJson: '{\n  "merge_method": "squash"\n}',
    }),
  'approval-pending-view-only': () =>
    renderApprovalForTeams(view(PENDING, false, 'Reminder: this is still waiting for a decision.'), {
      refreshUserIds: ['29:1bob'],
    }),
  'approval-modify-refused': () =>
    renderApprovalForTeams(view(PENDING, true), {
      refreshUserIds: ['29:1bob'],
      problem: 'The payload is not valid JSON: Unexpected token } in JSON at position 23.',
      modifyDraft: '{ "merge_method": "squash", }',
    }),
  'approval-approved-done': () =>
    renderApprovalForTeams(
      view(
        approval({
          status: 'approved',
          approvedBy: ['teams:aad-bob', 'teams:aad-carol'],
          decidedBy: 'teams:aad-carol',
          modified: true,
          execution: {
            status: 'succeeded',
            summary: 'Merged #42',
            url: 'https://github.com/acme/api/pull/42',
          },
        }),
        true,
      ),
      { refreshUserIds: ['29:1bob'] },
    ),
  'approval-declined': () =>
    renderApprovalForTeams(
      view(
        approval({ status: 'declined', approvedBy: [], decidedBy: 'teams:aad-bob', reason: 'Not today' }),
        false,
      ),
    ),
  'approval-expired': () =>
    renderApprovalForTeams(
      view(approval({ status: 'expired', decidedBy: 'system:expiry', reason: 'expired' }), false),
    ),
  'approval-list': () =>
    renderViewForTeams({
      kind: 'approval-list',
      title: 'Waiting for a decision',
      items: [
        PENDING,
        approval({ id: 'appr-2', mode: 'ask', actionType: 'issue.create.low', expiresAt: null }),
      ],
      more: 3,
    }),
  'approval-list-empty': () =>
    renderViewForTeams({
      kind: 'approval-list',
      title: 'Nothing is waiting for a decision',
      items: [],
      more: 0,
    }),
  'policy-tenant': () =>
    renderViewForTeams({
      kind: 'policy',
      source: 'tenant',
      yaml: 'actions:\n  pr.merge: { risk: high, mode: require_approval }\n',
      updatedBy: 'teams:aad-bob',
      updatedAt: '2026-11-20T08:30:00.000Z',
    }),
  'policy-default': () => renderViewForTeams({ kind: 'policy', source: 'default', yaml: 'actions: {}\n' }),
};

async function compareWithGolden(name: string, card: AdaptiveCard): Promise<void> {
  const file = path.join(GOLDEN_DIR, `${name}.json`);
  const actual: unknown = JSON.parse(JSON.stringify(card));
  if (UPDATE) {
    await writeFile(file, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  assert.ok(existsSync(file), `missing golden file ${file}: run with UPDATE_GOLDEN=1 and review it`);
  assert.deepEqual(actual, JSON.parse(await readFile(file, 'utf8')), `teams/${name}.json differs`);
}

function actionsOf(card: AdaptiveCard) {
  return (card.actions ?? []).map((action) => ('verb' in action ? action.verb : action.title));
}

describe('Teams approval cards', () => {
  for (const [name, render] of Object.entries(FIXTURES)) {
    it(`renders ${name} as in golden/teams/${name}.json, a valid Adaptive Card 1.5`, async () => {
      const card = render();
      await compareWithGolden(name, card);
      assert.equal(adaptiveCardVersion(card), '1.5');
      assert.deepEqual(adaptiveCardProblems(card), []);
      assert.ok(card.fallbackText.trim().length > 0);
    });
  }

  it('offers Approve, Decline and Modify only to a viewer who may decide, while pending', () => {
    assert.deepEqual(actionsOf(FIXTURES['approval-pending-decidable']!()), [
      'approval.approve',
      'approval.decline',
      'Modify',
    ]);
    assert.deepEqual(actionsOf(FIXTURES['approval-pending-view-only']!()), []);
    assert.deepEqual(actionsOf(FIXTURES['approval-approved-done']!()), []);
  });

  it('asks Teams for per-viewer cards while pending, and stops once closed', () => {
    const pending = FIXTURES['approval-pending-view-only']!();
    assert.deepEqual(pending.refresh, {
      action: {
        type: 'Action.Execute',
        title: 'Refresh',
        verb: 'approval.refresh',
        data: { approvalId: 'appr-1' },
      },
      userIds: ['29:1bob'],
    });
    assert.equal(FIXTURES['approval-approved-done']!().refresh, undefined);
    const many = renderApprovalForTeams(view(PENDING, false), {
      refreshUserIds: Array.from({ length: 80 }, (_, index) => `29:user${index}`),
    });
    assert.equal(many.refresh?.userIds?.length, 60);
    const everyone = renderApprovalForTeams(view(PENDING, false), { refreshUserIds: [] });
    assert.equal(everyone.refresh?.action.verb, 'approval.refresh');
    assert.equal('userIds' in (everyone.refresh ?? {}), false);
  });

  it('prefills Modify with the whole payload, not the shortened preview', () => {
    const long = JSON.stringify({ yaml: 'x'.repeat(3_000) }, null, 2);
    const card = renderApprovalForTeams(
      view(approval({ payloadPreview: `${long.slice(0, 1_499)}…` }), true),
      {
        payloadJson: long,
      },
    );
    const modify = card.actions?.find((action) => action.type === 'Action.ShowCard');
    assert.ok(modify?.type === 'Action.ShowCard');
    const input = modify.card.body[0];
    assert.ok(input?.type === 'Input.Text');
    assert.equal(input.value, long);
  });

  it('keeps a huge payload and policy within one card', () => {
    const huge = renderApprovalForTeams(view(approval({ targetRef: 't'.repeat(600) }), true), {
      payloadJson: 'y'.repeat(50_000),
    });
    assert.ok(JSON.stringify(huge).length < 28_000, `${JSON.stringify(huge).length} bytes`);
    const policy = renderViewForTeams({
      kind: 'policy',
      source: 'file',
      yaml: 'z: 1\n'.repeat(5_000),
    } as View);
    assert.ok(JSON.stringify(policy).length < 28_000);
    assert.deepEqual(adaptiveCardProblems(policy), []);
  });
});
