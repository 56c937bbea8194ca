import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { createApprovalServices } from '../../../bot/approvals/create-approval-services.ts';
import { createMetrics } from '../../../bot/metrics.ts';
import { defineModels, ensureIndexes } from '../../../data/models/index.ts';
import { proposeAction } from '../../../handlers/approvals/propose-action.ts';
import type { ApprovalNotifier, ApprovalServices } from '../../../handlers/approvals/types.ts';
import { openTestDatabase } from '../../support/database.ts';
import { TEAM_POLICY_YAML } from '../policy/policies.ts';

const TENANT = 'T0AUTORUN';

describe('an action the policy runs on its own (real database)', () => {
  let connection: Connection;
  let services: ApprovalServices;
  const told: string[] = [];
  let failNext = false;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    const models = defineModels(connection);
    await ensureIndexes(models);
    const notifier: ApprovalNotifier = {
      async requestDecision() {
        return [];
      },
      async refresh() {},
      async tellRequester(_approval, text) {
        told.push(text);
      },
    };
    services = createApprovalServices({
      models,
      log: pino({ level: 'silent' }),
      metrics: createMetrics(),
      policyFileYaml: TEAM_POLICY_YAML,
      notifiers: [notifier],
      executors: {
        async 'pr.label'() {
          if (failNext) throw new Error('GitHub answered 422');
          return { summary: 'labelled acme/api#7' };
        },
      },
      now: () => new Date('2026-12-04T10:00:00Z'),
      async scheduleStep() {},
    });
  });
  after(() => connection.close());

  const label = (number: number) =>
    proposeAction(services, {
      tenantId: TENANT,
      action_type: 'pr.label',
      target_ref: `github:acme/api#${number}`,
      proposed_payload: { labels: ['ready'] },
      requester: 'slack:UDEV',
    });

  it('runs it without a "Done" message to its requester, who saw the result where they asked', async () => {
    const proposed = await label(7);
    assert.ok(proposed.ok);
    assert.equal(proposed.approval.execution.status, 'succeeded');
    assert.deepEqual(told, []);
  });

  it('still tells the requester when it fails, since nothing else says so', async () => {
    failNext = true;
    const proposed = await label(8);
    assert.ok(proposed.ok);
    assert.equal(proposed.approval.execution.status, 'failed');
    assert.equal(told.length, 1);
    assert.match(told[0]!, /pr\.label on github:acme\/api#8 was approved but failed: GitHub answered 422/);
  });
});
