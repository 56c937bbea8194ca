import assert from 'node:assert/strict';
import OpenAI from 'openai';
import pino from 'pino';
import { createStandupSummarizer } from '../../../bot/llm/standup-summary-gateway.ts';
import { summarizeStandup } from '../../../cards/templates/standup-summary.ts';
import type { LlmUsageModel } from '../../../data/models/llm-usage.ts';
import { policySchema } from '../../../handlers/policy/policy-schema.ts';
import type { StandupReportView } from '../../../handlers/standup/types.ts';
import { FakeOpenAi } from '../../fakes/openai-api.ts';

const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const member = (handle: string, displayName: string) => ({
  member: { tool: 'slack' as const, handle },
  displayName,
});

const report: Omit<StandupReportView, 'summary'> = {
  kind: 'standup-report',
  standupId: 'st_1',
  standupName: 'Platform daily',
  date: '2027-01-26',
  dateLabel: 'Tuesday, Jan 26',
  answered: [member('U1', 'Ana Lima'), member('U2', 'Tui Ngata')],
  waiting: [member('U3', 'Ben Okafor')],
  away: [{ ...member('U4', 'Ravi Rao'), label: 'Holiday (IN)' }],
  shipped: [{ kind: 'pr-merged', text: `Merged acme/api#42 Rotate ${TOKEN} (ana@acme.example)` }],
  blockers: 1,
  complete: false,
};

describe('the standup summary line: the language model when it may, the template otherwise', () => {
  let openai: FakeOpenAi;
  let client: OpenAI;
  let recorded: number;
  let spent: number;
  const usage = {
    spentUsd: async () => spent,
    record: async () => void (recorded += 1),
  } as unknown as LlmUsageModel;
  const summarizer = () =>
    createStandupSummarizer({
      client,
      model: 'gpt-4o-mini',
      usage,
      policyFor: async () =>
        policySchema.parse({ actions: {}, limits: { pii_redaction: 'strict', max_monthly_cost_usd: 5 } }),
      fallback: summarizeStandup,
      log: pino({ level: 'silent' }),
    });

  before(async () => {
    openai = new FakeOpenAi();
    await openai.http.start();
    client = new OpenAI({ apiKey: 'sk-test-fake-openai-key', baseURL: openai.baseUrl, maxRetries: 0 });
  });
  beforeEach(() => {
    recorded = 0;
    spent = 0;
    openai.failChat = false;
  });
  after(() => openai.http.stop());

  it('sends counts and redacted shipped titles only (no names, no secret, no email), and records the cost', async () => {
    const before = openai.chatRequests().length;
    const line = await summarizer()('T1', report);
    assert.equal(line, 'Standup: answered: 2 of 3, away: 1.');
    const [request] = openai.chatRequests().slice(before);
    assert.ok(request);
    for (const secret of [TOKEN, 'ana@acme.example', 'Ana Lima', 'Ravi Rao', 'Ben Okafor']) {
      assert.ok(!request.raw.body.includes(secret), `the request carried ${secret}`);
    }
    assert.match(request.raw.body, /acme\/api#42/);
    assert.equal(recorded, 1);
  });

  it('falls back to the template when the model fails, and when the month is spent (without calling it)', async () => {
    openai.failChat = true;
    assert.equal(await summarizer()('T1', report), summarizeStandup(report));
    openai.failChat = false;
    spent = 5;
    const before = openai.chatRequests().length;
    assert.equal(await summarizer()('T1', report), summarizeStandup(report));
    assert.equal(openai.chatRequests().length, before, 'no call past the cap');
    assert.equal(recorded, 0);
  });

  it('reads well from the template alone', () => {
    assert.equal(
      summarizeStandup(report),
      `2 of 3 answered, 1 still to, 1 away. 1 blocker raised. Shipped: Merged acme/api#42 Rotate ${TOKEN} (ana@acme.example).`,
    );
    assert.equal(
      summarizeStandup({ ...report, answered: [], waiting: [], blockers: 0, shipped: [] }),
      'Everyone is away today.',
    );
  });
});
