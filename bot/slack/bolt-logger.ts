import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/** The Web API logs each request's body and result at debug, whole: message text, which our logs never carry. */
const PAYLOAD = /^(http request (?:body|result):)[\s\S]*/;

const lineOf = (messages: unknown[]) => messages.map(String).join(' ').replace(PAYLOAD, '$1 [omitted]');

/** Routes Bolt's own logging into ours (same redaction, same request ids). Bolt's info chatter goes to debug. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level = LogLevel.WARN;
  let name = 'bolt';
  return {
    debug: (...messages) => child.debug({ name }, lineOf(messages)),
    info: (...messages) => child.debug({ name }, lineOf(messages)),
    warn: (...messages) => child.warn({ name }, lineOf(messages)),
    error: (...messages) => child.error({ name }, lineOf(messages)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}
