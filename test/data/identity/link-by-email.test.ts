import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Connection } from 'mongoose';
import { applyFactWrites } from '../../../data/ingest/apply-fact-writes.ts';
import { emailsInWrites, linkByEmail } from '../../../data/identity/link-by-email.ts';
import { createIdentityDirectory } from '../../../data/identity/mongo-identity-directory.ts';
import { factModelsOf } from '../../../data/models/ingest-models.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { normalizeEvent } from '../../../data/sources/normalize-event.ts';
import type { SourceName } from '../../../data/sources/types.ts';
import { openTestDatabase } from '../../support/database.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8'));

/** A Jira issue event whose reporter is Ana (account id, display name and email as Jira Cloud sends them). */
function jiraIssueReportedBy(email: string) {
  const payload = fixture('jira/issue-updated-in-progress.json');
  payload.issue.fields.reporter.emailAddress = email;
  return payload;
}

/** A PagerDuty event whose agent is a full user object (as the REST API returns it), with its login email. */
function pagerDutyAcknowledgedBy(email: string) {
  const payload = fixture('pagerduty/incident-acknowledged.json');
  payload.event.agent = { id: 'PANA001', type: 'user', summary: 'Ana Lima', email };
  return payload;
}

describe('identities linked by verified email (real database)', () => {
  let connection: Connection;
  let models: Models;
  let identity: ReturnType<typeof createIdentityDirectory>;

  /** What the normalizer does with a stored event, then what main wires as its afterApply hook. */
  async function ingest(tenantId: string, source: SourceName, eventType: string, payload: unknown) {
    const writes = normalizeEvent(source, eventType, payload as Record<string, unknown>);
    await applyFactWrites(factModelsOf(models), tenantId, writes);
    await linkByEmail(models.Person, tenantId, emailsInWrites(writes));
  }
  const personOf = async (tenantId: string, tool: string, handle: string) =>
    (await models.Person.findOne({ tenantId, _id: `${tenantId}|${tool}|${handle}` }).lean())!;
  async function slackUserWithEmail(tenantId: string, userId: string, email: string) {
    await identity.recordEmail(tenantId, { tool: 'slack', handle: userId }, email, 'Ana Lima');
    await linkByEmail(models.Person, tenantId, [email]);
  }

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    identity = createIdentityDirectory(models.Person);
  });
  after(() => connection.close());

  it('makes Jira, PagerDuty and Slack accounts with one verified email one person, whatever the order', async () => {
    await ingest('T1', 'jira', 'jira:issue_updated', jiraIssueReportedBy('Ana@Acme.example'));
    await ingest('T1', 'pagerduty', 'incident.acknowledged', pagerDutyAcknowledgedBy('ana@acme.example'));
    await slackUserWithEmail('T1', 'U0ANA', 'ana@acme.example');

    const jira = await personOf('T1', 'jira', '5b10ac8d82e05b22cc7d4ef5');
    const pagerduty = await personOf('T1', 'pagerduty', 'PANA001');
    const slack = await personOf('T1', 'slack', 'U0ANA');
    assert.equal(jira.verifiedEmail, 'ana@acme.example');
    assert.equal(slack.personId, 'slack:U0ANA', 'the chat account names the person');
    assert.equal(jira.personId, 'slack:U0ANA');
    assert.equal(pagerduty.personId, 'slack:U0ANA');
    assert.equal(jira.linkedBy, 'email');
    assert.equal(pagerduty.linkedBy, 'email');
    const accounts = await identity.accountsOf('T1', { tool: 'slack', handle: 'U0ANA' });
    assert.deepEqual(accounts.map((a) => `${a.tool}:${a.handle}`).sort(), [
      'jira:5b10ac8d82e05b22cc7d4ef5',
      'pagerduty:PANA001',
      'slack:U0ANA',
    ]);
    // Ben (the assignee) has an email too, but from Jira alone: nothing to link him to.
    assert.equal(
      (await personOf('T1', 'jira', '5b10a2844c20165700ede21g')).personId,
      'jira:5b10a2844c20165700ede21g',
    );
  });

  it('ends the same when Slack comes first and PagerDuty last', async () => {
    await slackUserWithEmail('T3', 'U0ANA', 'ana@acme.example');
    await ingest('T3', 'jira', 'jira:issue_updated', jiraIssueReportedBy('ana@acme.example'));
    await ingest('T3', 'pagerduty', 'incident.acknowledged', pagerDutyAcknowledgedBy('ana@acme.example'));
    const accounts = await identity.accountsOf('T3', { tool: 'pagerduty', handle: 'PANA001' });
    assert.deepEqual(accounts.map((a) => `${a.tool}:${a.handle}`).sort(), [
      'jira:5b10ac8d82e05b22cc7d4ef5',
      'pagerduty:PANA001',
      'slack:U0ANA',
    ]);
    assert.equal((await personOf('T3', 'pagerduty', 'PANA001')).personId, 'slack:U0ANA');
  });

  it('never undoes a manual unlink when a later event brings the same email again', async () => {
    await identity.unlink('T1', { tool: 'pagerduty', handle: 'PANA001' });
    await ingest('T1', 'pagerduty', 'incident.acknowledged', pagerDutyAcknowledgedBy('ana@acme.example'));
    await ingest('T1', 'jira', 'jira:issue_updated', jiraIssueReportedBy('ana@acme.example'));
    await slackUserWithEmail('T1', 'U0ANA', 'ana@acme.example');
    const pagerduty = await personOf('T1', 'pagerduty', 'PANA001');
    assert.equal(pagerduty.personId, 'pagerduty:PANA001');
    assert.equal(pagerduty.linkedBy, 'manual');
    assert.equal((await personOf('T1', 'jira', '5b10ac8d82e05b22cc7d4ef5')).personId, 'slack:U0ANA');
  });

  it('joins the person an account was linked to by hand, bringing its own links along', async () => {
    // Cai linked his GitHub login from Teams; his Jira account (same email as his Teams account) joins him.
    await identity.link(
      'T1',
      { tool: 'teams', handle: 'aad-cai' },
      { tool: 'github', handle: 'cai' },
      'manual',
    );
    const jira = fixture('jira/issue-updated-in-progress.json');
    jira.issue.fields.reporter = { accountId: 'JCAI', displayName: 'Cai', emailAddress: 'cai@acme.example' };
    await ingest('T1', 'jira', 'jira:issue_updated', jira);
    await identity.recordEmail('T1', { tool: 'teams', handle: 'aad-cai' }, 'CAI@acme.example');
    await linkByEmail(models.Person, 'T1', ['cai@acme.example']);
    const accounts = await identity.accountsOf('T1', { tool: 'github', handle: 'cai' });
    assert.deepEqual(accounts.map((a) => `${a.tool}:${a.handle}`).sort(), [
      'github:cai',
      'jira:JCAI',
      'teams:aad-cai',
    ]);
    assert.equal((await personOf('T1', 'github', 'cai')).linkedBy, 'manual');
  });

  it('never links accounts of different tenants, even with the same email', async () => {
    await ingest('T2', 'jira', 'jira:issue_updated', jiraIssueReportedBy('ana@acme.example'));
    const other = await personOf('T2', 'jira', '5b10ac8d82e05b22cc7d4ef5');
    assert.equal(other.personId, 'jira:5b10ac8d82e05b22cc7d4ef5');
    assert.equal(other.linkedBy, undefined);
    assert.equal(await models.Person.countDocuments({ tenantId: 'T2' }), 2);
    const t1 = await identity.accountsOf('T1', { tool: 'slack', handle: 'U0ANA' });
    assert.ok(t1.every((a) => a.handle !== 'PANA001'));
  });

  it('keeps the others together when the account their person is named after is unlinked', async () => {
    await identity.unlink('T1', { tool: 'slack', handle: 'U0ANA' });
    assert.equal((await personOf('T1', 'slack', 'U0ANA')).linkedBy, 'manual');
    const jira = await personOf('T1', 'jira', '5b10ac8d82e05b22cc7d4ef5');
    assert.equal(jira.personId, 'jira:5b10ac8d82e05b22cc7d4ef5');
  });
});
