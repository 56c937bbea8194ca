import assert from 'node:assert/strict';
import type { Connection } from 'mongoose';
import { pino } from 'pino';
import { createChatEmailLearner } from '../../bot/chat-email-learner.ts';
import type { ChatProfileReports } from '../../bot/chat-profile-reports.ts';
import { defineModels, ensureIndexes, type Models } from '../../data/models/index.ts';
import { openTestDatabase } from '../support/database.ts';

const TENANT = 'T0LEARN';

describe('chat profile lookups: once per process, a profile with reports once a day', () => {
  let connection: Connection;
  let models: Models;

  before(async () => {
    connection = await openTestDatabase(import.meta.url);
    models = defineModels(connection);
    await ensureIndexes(models);
  });
  after(() => connection.close());

  it("asks Slack's profile again on a new day, so a vacation status set since counts", async () => {
    let now = new Date('2026-12-02T09:00:00Z');
    const reported: unknown[] = [];
    const reports: ChatProfileReports = { report: async (_t, _a, profile) => void reported.push(profile) };
    const learner = createChatEmailLearner(models.Person, pino({ level: 'silent' }), reports, () => now);
    let lookups = 0;
    const lookup = async () => {
      lookups += 1;
      return { reported: { timeZone: 'UTC', status: { emoji: lookups > 1 ? ':palm_tree:' : '' } } };
    };
    const account = { tool: 'slack' as const, handle: 'U1' };
    await learner.learn(TENANT, account, lookup, true);
    await learner.learn(TENANT, account, lookup, true);
    assert.equal(lookups, 1, 'once the same day');
    now = new Date('2026-12-03T09:00:00Z');
    await learner.learn(TENANT, account, lookup, true);
    assert.equal(lookups, 2, 'again the next day');
    assert.equal(reported.length, 2);
    const teams = { tool: 'teams' as const, handle: 'aad-1' };
    const roster = async () => {
      lookups += 1;
      return { email: 'kim@acme.example' };
    };
    await learner.learn(TENANT, teams, roster);
    now = new Date('2026-12-04T09:00:00Z');
    await learner.learn(TENANT, teams, roster);
    assert.equal(lookups, 3, 'a profile without reports: once per process');
  });
});
