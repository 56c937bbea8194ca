import assert from 'node:assert/strict';
import { teamsRolesOf } from '../../../bot/teams/teams-decider.ts';

describe('teamsRolesOf (roster userRole → policy teams_roles)', () => {
  it('gives a team owner both roles, a member the member role, and a guest or unknown role none', () => {
    assert.deepEqual(teamsRolesOf('owner'), ['owner', 'member']);
    assert.deepEqual(teamsRolesOf('Owner'), ['owner', 'member']);
    assert.deepEqual(teamsRolesOf('user'), ['member']);
    assert.deepEqual(teamsRolesOf('guest'), []);
    assert.deepEqual(teamsRolesOf('anonymous'), []);
    assert.deepEqual(teamsRolesOf(undefined), []);
  });
});
