import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger, REDACTED_PATHS, type Logger } from '../../bot/logger.ts';
import { chooseRequestId, currentRequestContext, runWithRequestContext } from '../../bot/request-context.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A logger writing into memory; `lines` holds every line written, parsed. */
function captureLogger(level = 'debug'): { log: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger(level, sink), lines };
}

/** A destination collecting what it is written, as text. */
function textSink(): { sink: Writable; written: () => string } {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { sink, written: () => text };
}

describe('createLogger', () => {
  it('writes JSON lines with the service name and honours the level', () => {
    const { log, lines } = captureLogger('info');
    log.debug('hidden');
    log.info({ count: 2 }, 'shown');
    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.service, 'em-agent');
    assert.equal(lines[0]?.msg, 'shown');
    assert.equal(lines[0]?.count, 2);
    assert.equal(lines[0]?.level, 30);
  });

  it('writes readable lines instead of JSON when asked to, still without secrets or message text', () => {
    const { sink, written } = textSink();
    const log = createLogger('info', sink, 'pretty');
    log.info({ botToken: 'xoxb-secret', text: 'my words', count: 2 }, 'demo team ready');
    assert.match(written(), /INFO.*demo team ready/);
    assert.match(written(), /count: 2/);
    assert.doesNotMatch(written(), /xoxb-secret|my words/);
    assert.throws(() => JSON.parse(written()));
  });

  it('keeps JSON lines for a destination that is not the terminal when the format is auto', () => {
    const { sink, written } = textSink();
    createLogger('info', sink, 'auto').info('shown');
    assert.equal((JSON.parse(written()) as { msg: string }).msg, 'shown');
  });

  describe('redaction', () => {
    it('blanks tokens, secrets and passwords in nested config objects', () => {
      const { log, lines } = captureLogger();
      log.info({
        slack: { botToken: 'xoxb-1', appToken: 'xapp-1', signingSecret: 'signing', apiUrl: 'https://x/' },
        teams: { appId: 'app-id', appPassword: 'pw' },
        token: 'top-level-token',
        apiToken: 'api-token',
      });
      const [line] = lines;
      assert.deepEqual(line?.slack, {
        botToken: '[redacted]',
        appToken: '[redacted]',
        signingSecret: '[redacted]',
        apiUrl: 'https://x/',
      });
      assert.deepEqual(line?.teams, { appId: 'app-id', appPassword: '[redacted]' });
      assert.equal(line?.token, '[redacted]');
      assert.equal(line?.apiToken, '[redacted]');
    });

    it('blanks the authorization, signature and cookie headers of a request', () => {
      const { log, lines } = captureLogger();
      log.info({
        req: {
          method: 'POST',
          headers: {
            authorization: 'Bearer abc',
            'x-slack-signature': 'v0=deadbeef',
            cookie: 'session=1',
            'content-type': 'application/json',
          },
        },
      });
      assert.deepEqual(lines[0]?.req, {
        method: 'POST',
        headers: {
          authorization: '[redacted]',
          'x-slack-signature': '[redacted]',
          cookie: '[redacted]',
          'content-type': 'application/json',
        },
      });
    });

    it('blanks what people typed: text and blocks, up to two levels deep', () => {
      const { log, lines } = captureLogger();
      log.info({ text: 'hello' });
      log.info({ message: { text: 'hi there', blocks: [{ type: 'section' }], ts: '1.2' } });
      log.info({ body: { event: { text: 'deep', user: 'U1' } }, blocks: [] });
      assert.equal(lines[0]?.text, '[redacted]');
      assert.deepEqual(lines[1]?.message, { text: '[redacted]', blocks: '[redacted]', ts: '1.2' });
      assert.deepEqual(lines[2]?.body, { event: { text: '[redacted]', user: 'U1' } });
      assert.equal(lines[2]?.blocks, '[redacted]');
    });

    it('blanks connection strings', () => {
      const { log, lines } = captureLogger();
      log.info({ database: { uri: 'mongodb://user:pw@host/db', embedded: 'auto' } });
      assert.deepEqual(lines[0]?.database, { uri: '[redacted]', embedded: 'auto' });
    });

    it('never lets a redacted value reach the output for any listed path', () => {
      const { log, lines } = captureLogger();
      const secret = 'SECRET-VALUE';
      // Build one object per path in REDACTED_PATHS, with `*` as an arbitrary key.
      for (const path of REDACTED_PATHS) {
        const keys = path
          .replace(/\["([^"]+)"\]/g, '.$1')
          .split('.')
          .map((key) => (key === '*' ? 'any' : key));
        const object = keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), secret);
        log.info(object as Record<string, unknown>, path);
      }
      assert.equal(lines.length, REDACTED_PATHS.length);
      for (const line of lines) {
        assert.ok(!JSON.stringify(line).includes(secret), `leaked for path ${String(line.msg)}`);
        assert.ok(JSON.stringify(line).includes('[redacted]'), `nothing redacted for ${String(line.msg)}`);
      }
    });

    it('leaves ordinary fields alone', () => {
      const { log, lines } = captureLogger();
      log.info({ tenantId: 'T1', command: 'help', textLength: 5 }, 'ran a command');
      assert.equal(lines[0]?.tenantId, 'T1');
      assert.equal(lines[0]?.command, 'help');
      assert.equal(lines[0]?.textLength, 5);
      assert.equal(lines[0]?.msg, 'ran a command');
    });
  });

  describe('request context', () => {
    it('adds requestId to lines written inside runWithRequestContext, also after an await', async () => {
      const { log, lines } = captureLogger();
      log.info('before');
      await runWithRequestContext('req-1', async () => {
        log.info('start');
        await sleep(5);
        log.info('after await');
        await Promise.all([
          (async () => {
            await sleep(1);
            log.info('in a nested task');
          })(),
        ]);
      });
      log.info('outside');
      const byMessage = Object.fromEntries(lines.map((line) => [line.msg, line]));
      assert.equal(byMessage.start?.requestId, 'req-1');
      assert.equal(byMessage['after await']?.requestId, 'req-1');
      assert.equal(byMessage['in a nested task']?.requestId, 'req-1');
      assert.ok(!('requestId' in (byMessage.before ?? {})), 'line before the context has a requestId');
      assert.ok(!('requestId' in (byMessage.outside ?? {})), 'line after the context has a requestId');
    });

    it('keeps concurrent requests apart', async () => {
      const { log, lines } = captureLogger();
      const handle = (id: string, delay: number) =>
        runWithRequestContext(id, async () => {
          await sleep(delay);
          log.info({ handled: id });
        });
      await Promise.all([handle('req-a', 10), handle('req-b', 1), handle('req-c', 5)]);
      assert.equal(lines.length, 3);
      for (const line of lines) assert.equal(line.requestId, line.handled);
    });

    it('returns what the function returns and exposes the context only inside it', () => {
      assert.equal(currentRequestContext(), undefined);
      const result = runWithRequestContext('req-2', () => currentRequestContext()?.requestId);
      assert.equal(result, 'req-2');
      assert.equal(currentRequestContext(), undefined);
    });
  });
});

describe('chooseRequestId', () => {
  it('accepts a short, safe id from the caller', () => {
    assert.equal(chooseRequestId('abc-123'), 'abc-123');
    assert.equal(chooseRequestId('trace.1:span_2-A'), 'trace.1:span_2-A');
    assert.equal(chooseRequestId('x'.repeat(128)), 'x'.repeat(128));
  });

  for (const [label, supplied] of [
    ['spaces', 'abc 123'],
    ['a newline (log injection)', 'abc\n{"level":60}'],
    ['a carriage return', 'abc\r123'],
    ['more than 128 characters', 'x'.repeat(129)],
    ['an empty string', ''],
    ['quotes', 'a"b'],
    ['an equals sign', 'Root=1-abc'],
  ] as const) {
    it(`replaces a header with ${label} by a fresh UUID`, () => {
      const chosen = chooseRequestId(supplied);
      assert.match(chosen, UUID);
      assert.notEqual(chosen, supplied);
    });
  }

  it('mints a UUID when no header or a non-string was supplied, a new one each time', () => {
    const first = chooseRequestId(undefined);
    const second = chooseRequestId(['abc', 'def']);
    assert.match(first, UUID);
    assert.match(second, UUID);
    assert.notEqual(first, second);
  });
});
