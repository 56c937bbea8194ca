import type { Logger } from 'pino';
import type { NoticeView } from '../handlers/types.ts';
import { asCodedError } from './errors.ts';

/** Logs the detail and returns what a person should see instead of a stack trace. */
export function userFacingError(error: unknown, log: Logger): NoticeView {
  const coded = asCodedError(error);
  log.error({ err: error, code: coded.code }, 'chat request failed');
  return {
    kind: 'notice',
    tone: 'error',
    title:
      coded.code === 'database_unavailable' ? 'I cannot reach my database right now' : 'Something went wrong',
    body:
      coded.code === 'database_unavailable'
        ? 'Please try again in a minute. Your message was not acted on.'
        : `${coded.publicMessage} Please try again; if it keeps happening, tell your em-agent admin.`,
  };
}
