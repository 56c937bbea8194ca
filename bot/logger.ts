import { pino, type Logger, type DestinationStream } from 'pino';
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

export function createLogger(level: string, destination?: DestinationStream): Logger {
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
    destination,
  );
}
