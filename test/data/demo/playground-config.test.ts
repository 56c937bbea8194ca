import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEMO_PEOPLE, DEMO_TEAMS_TENANT_ID } from '../../../data/demo/demo-team.ts';
import { DEMO_POLICY_FILE } from '../../../data/demo/load-demo.ts';
import { parsePolicy } from '../../../bot/load-policy-file.ts';

interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
  userPrincipleName: string;
}

const config = parse(readFileSync('.m365agentsplayground.yml', 'utf8')) as {
  tenantId: string;
  bot: { id: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
};
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('.m365agentsplayground.yml: the Agents Playground signs in the demo team', () => {
  it('has real GUIDs where Teams has Entra ids (the package default’s 13-digit ones are refused)', () => {
    for (const id of [config.tenantId, config.bot.id, config.currentUser.aadObjectId]) assert.match(id, GUID);
    assert.equal(config.tenantId, DEMO_TEAMS_TENANT_ID);
  });

  it('lists only people of the canned team, each with the Teams id and email the demo links them by', () => {
    const everyone = [config.currentUser, ...config.users];
    assert.ok(
      everyone.length >= 2 && everyone.length <= 6,
      'the Playground takes at most 5 users beside you',
    );
    for (const user of everyone) {
      const person = DEMO_PEOPLE.find((candidate) => candidate.teams === user.aadObjectId);
      assert.ok(person, `${user.name} is a demo person`);
      assert.equal(user.name, person.name);
      assert.equal(user.email, person.email);
      assert.equal(user.userPrincipleName, person.email);
    }
  });

  it('makes the signed-in user an approver of the demo policy', () => {
    const policy = parsePolicy(readFileSync(DEMO_POLICY_FILE, 'utf8'), 'demo policy');
    assert.match(JSON.stringify(policy), new RegExp(`teams:${config.currentUser.aadObjectId}`));
  });
});
