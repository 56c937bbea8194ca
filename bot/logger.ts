import { pino, type Logger, type DestinationStream } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { currentRequestContext } from './request-context.ts';

export type { Logger };

/**
 * Paths pino blanks out wherever they appear: credentials, signatures and the words people type.
 * Message text is personal data; log its length or id, never the text.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'appPassword',
  '*.appPassword',
  'password',
  '*.password',
  'apiToken',
  '*.apiToken',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers["x-slack-signature"]',
  '*.headers.cookie',
  'text',
  '*.text',
  '*.*.text',
  'blocks',
  '*.blocks',
  'uri',
  '*.uri',
];

export type LogFormat = 'auto' | 'json' | 'pretty';

/** Readable lines for a person at a terminal; JSON for everything that collects logs. */
function prettyWhen(format: LogFormat, destination: DestinationStream | undefined): boolean {
  if (format === 'auto') return destination === undefined && process.stdout.isTTY === true;
  return format === 'pretty';
}

export function createLogger(
  level: string,
  destination?: DestinationStream,
  format: LogFormat = 'json',
): Logger {
  const stream = prettyWhen(format, destination)
    ? PinoPretty({
        destination: destination ?? process.stdout,
        colorize: destination === undefined && process.stdout.isTTY === true,
        translateTime: 'SYS:HH:MM:ss',
        ignore: 'pid,hostname,service',
        sync: true,
      })
    : destination;
  return pino(
    {
      level,
      base: { service: 'em-agent' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin() {
        const context = currentRequestContext();
        if (!context) return {};
        return context.traceId
          ? { requestId: context.requestId, traceId: context.traceId }
          : { requestId: context.requestId };
      },
    },
    stream,
  );
}
