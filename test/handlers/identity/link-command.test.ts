import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { createIdentityDirectory } from '../../../data/identity/mongo-identity-directory.ts';
import { defineModels, ensureIndexes, type Models } from '../../../data/models/index.ts';
import { COMMANDS, parseCommandText, runCommand } from '../../../handlers/run-command.ts';
import type { NoticeView, Surface } from '../../../handlers/types.ts';
import { openTestDatabase } from '../../support/database.ts';

describe('link <tool> <handle> (identity mapping from chat)', () => {
  let connection: Connection;
  let models: Models;
  let identity: ReturnType<typeof createIdentityDirectory>;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
    identity = createIdentityDirectory(models.Person);
  });
  after(() => connection.close());

  async function send(surface: Surface, userId: string, text: string): Promise<NoticeView> {
    const reply = await runCommand(
      { actor: { surface, tenantId: 'T1', userId }, ...parseCommandText(text) },
      COMMANDS,
      { identity },
    );
    assert.equal(reply.view.kind, 'notice');
    assert.equal(reply.visibility, 'personal', 'who you are elsewhere is yours alone');
    return reply.view as NoticeView;
  }

  it('links a GitHub login to the Slack user who typed /em link github <login>, once', async () => {
    assert.equal((await send('slack', 'U0ANA', 'link github ana-lima')).title, 'Linked');
    assert.equal((await send('slack', 'U0ANA', 'link github @ana-lima')).title, 'Already linked');
    const accounts = await identity.accountsOf('T1', { tool: 'github', handle: 'ana-lima' });
    assert.deepEqual(accounts.map((a) => `${a.tool}:${a.handle}`).sort(), ['github:ana-lima', 'slack:U0ANA']);
    assert.match((await send('slack', 'U0ANA', 'link')).body, /github ana-lima/);
  });

  it('works the same from Teams, and refuses an account someone else linked', async () => {
    assert.equal((await send('teams', 'aad-ben', 'link jira 5b10a2844c20165700ede21g')).title, 'Linked');
    const taken = await send('teams', 'aad-ben', 'link github ana-lima');
    assert.equal(taken.title, 'Already linked to someone else');
    assert.match(taken.body, /em-agent people/);
  });

  it('explains the usage for an unknown tool or a missing handle', async () => {
    const slack = await send('slack', 'U0ANA', 'link gitlab ana');
    assert.equal(slack.tone, 'warning');
    assert.match(slack.body, /\/em link github <login>/);
    const teams = await send('teams', 'aad-ben', 'link github');
    assert.match(teams.body, /`link github <login>`/);
  });

  it('lets an admin unlink, after which the account is a person of its own again', async () => {
    await identity.unlink('T1', { tool: 'github', handle: 'ana-lima' });
    const accounts = await identity.accountsOf('T1', { tool: 'github', handle: 'ana-lima' });
    assert.deepEqual(accounts, [{ tool: 'github', handle: 'ana-lima' }]);
  });
});
