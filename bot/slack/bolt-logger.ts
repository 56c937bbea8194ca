import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/** Routes Bolt's own logging into ours (same redaction, same request ids). Bolt's info chatter goes to debug. */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'slack' });
  let level = LogLevel.WARN;
  let name = 'bolt';
  return {
    debug: (...messages) => child.debug({ name }, messages.map(String).join(' ')),
    info: (...messages) => child.debug({ name }, messages.map(String).join(' ')),
    warn: (...messages) => child.warn({ name }, messages.map(String).join(' ')),
    error: (...messages) => child.error({ name }, messages.map(String).join(' ')),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}
