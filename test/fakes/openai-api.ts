import { embedLocally } from '../../data/knowledge/local-embedder.ts';
import { HttpFake, sendJson, type RecordedRequest } from './http-fake.ts';

interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  tools?: unknown;
  functions?: unknown;
}

export const FAKE_EMBEDDING_DIMENSIONS = 256;

/**
 * OpenAI's `/v1/embeddings` and `/v1/chat/completions`, in their wire format. Embeddings are deterministic
 * (hashed word features, so related texts are close); the "model" answers with the first sentence of
 * passage 1 and cites it (a standup summary: its first facts), or with the no-answer marker when the question holds `noanswer`, or fails with a
 * 500 when told to.
 */
export class FakeOpenAi {
  readonly http: HttpFake;
  failChat = false;
  usage = { prompt_tokens: 1200, completion_tokens: 80 };

  constructor() {
    this.http = new HttpFake((request, response) => {
      if (request.headers.authorization !== 'Bearer sk-test-fake-openai-key') {
        return sendJson(response, 401, {
          error: { message: 'Incorrect API key provided', type: 'invalid_request_error' },
        });
      }
      if (request.method === 'POST' && request.path === '/v1/embeddings') {
        const body = JSON.parse(request.body) as { model: string; input: string | string[] };
        const inputs = Array.isArray(body.input) ? body.input : [body.input];
        return sendJson(response, 200, {
          object: 'list',
          model: body.model,
          data: inputs.map((input, index) => ({
            object: 'embedding',
            index,
            embedding: embedLocally(input, FAKE_EMBEDDING_DIMENSIONS),
          })),
          // Whole tokens, as the API counts them (about four characters each here).
          usage: {
            prompt_tokens: Math.ceil(inputs.join(' ').length / 4),
            total_tokens: Math.ceil(inputs.join(' ').length / 4),
          },
        });
      }
      if (request.method === 'POST' && request.path === '/v1/chat/completions') {
        if (this.failChat)
          return sendJson(response, 500, {
            error: { message: 'The server had an error', type: 'server_error' },
          });
        const body = JSON.parse(request.body) as ChatRequest;
        return sendJson(response, 200, {
          id: `chatcmpl-${this.http.requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: this.#answer(body), refusal: null },
              finish_reason: 'stop',
              logprobs: null,
            },
          ],
          usage: { ...this.usage, total_tokens: this.usage.prompt_tokens + this.usage.completion_tokens },
        });
      }
      return sendJson(response, 404, { error: { message: `no route ${request.path}` } });
    });
  }

  get baseUrl(): string {
    return `${this.http.url}/v1`;
  }

  /** Every text sent to `/v1/embeddings`, in order. */
  embeddingInputs(): string[] {
    return this.http.requests
      .filter((request) => request.path === '/v1/embeddings')
      .flatMap((request) => [(JSON.parse(request.body) as { input: string | string[] }).input].flat());
  }

  chatRequests(): (ChatRequest & { raw: RecordedRequest })[] {
    return this.http.requests
      .filter((request) => request.path === '/v1/chat/completions')
      .map((request) => ({ ...(JSON.parse(request.body) as ChatRequest), raw: request }));
  }

  #answer(body: ChatRequest): string {
    const user = body.messages.find((message) => message.role === 'user')?.content ?? '';
    // A standup summary request lists its facts, one a line: the "model" sums up the first two.
    if (user.startsWith('Answered:'))
      return `Standup: ${user.split('\n').slice(0, 2).join(', ').toLowerCase()}.`;
    if (/noanswer/i.test(user.split('\n')[0] ?? '')) return 'NO_ANSWER_IN_SOURCES';
    const first = /<passage n="1"[^>]*>\n([\s\S]*?)\n<\/passage>/.exec(user)?.[1] ?? '';
    const sentence =
      first
        .replace(/^#+ .*$/gm, '')
        .replace(/\s+/g, ' ')
        .trim()
        .split(/(?<=\.)\s/)[0] ?? '';
    return `${sentence} [1]`;
  }
}
