import assert from 'node:assert/strict';
import OpenAI from 'openai';
import pino from 'pino';
import { createAnswerGateway } from '../../../bot/llm/answer-gateway.ts';
import { createOpenAiEmbedder } from '../../../data/knowledge/openai-embedder.ts';
import type { LlmUsageModel } from '../../../data/models/llm-usage.ts';
import type { Passage } from '../../../handlers/ask/types.ts';
import { policySchema } from '../../../handlers/policy/policy-schema.ts';
import type { RedactionLevel } from '../../../handlers/policy/redact-pii.ts';
import { FakeOpenAi } from '../../fakes/openai-api.ts';

const EMAIL = 'dave@example.org';
const TOKEN = 'xoxb-123456789012-abcdefghijkl';
const TEXT = `Mail ${EMAIL}; the bot token is ${TOKEN}.`;

/** Spends nothing and records nothing: these tests are about what goes out, not what it costs. */
const usage = { spentUsd: async () => 0, record: async () => undefined } as unknown as LlmUsageModel;

describe('every call to the model provider is redacted at the tenant level (chat and embeddings)', () => {
  let openai: FakeOpenAi;
  let client: OpenAI;
  before(async () => {
    openai = new FakeOpenAi();
    await openai.http.start();
    client = new OpenAI({ apiKey: 'sk-test-fake-openai-key', baseURL: openai.baseUrl, maxRetries: 0 });
  });
  after(() => openai.http.stop());

  for (const level of ['off', 'standard', 'strict'] as RedactionLevel[]) {
    it(`at ${level}: secrets never leave, contacts only at off`, async () => {
      const policy = policySchema.parse({ actions: {}, limits: { pii_redaction: level } });
      const policyFor = async () => policy;
      const embedder = createOpenAiEmbedder({ client, model: 'text-embedding-3-small', usage, policyFor });
      const gateway = createAnswerGateway({
        client,
        model: 'gpt-4o-mini',
        usage,
        policyFor,
        log: pino({ level: 'silent' }),
      });
      const passage: Passage = {
        id: 'p1',
        source: 'folder:/docs',
        path: 'runbooks/oncall.md',
        title: 'On-call',
        headingPath: ['On-call'],
        body: TEXT,
        startLine: 1,
        endLine: 1,
        url: 'file:///docs/runbooks/oncall.md#L1-L1',
        updatedAt: new Date(),
      };
      const before = openai.http.requests.length;
      const texts = [TEXT];
      await embedder.embed(texts, 'T1');
      await gateway.write('T1', TEXT, [passage]);
      assert.deepEqual(texts, [TEXT], "the caller's text is left as it was");
      const sent = openai.http.requests.slice(before);
      assert.deepEqual(
        sent.map((request) => request.path),
        ['/v1/embeddings', '/v1/chat/completions'],
      );
      for (const request of sent) {
        assert.ok(!request.body.includes(TOKEN), `${request.path} carried the token`);
        assert.equal(request.body.includes(EMAIL), level === 'off', `${request.path} at ${level}`);
      }
    });
  }
});
