import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { asCodedError, NotFoundError } from '../errors.ts';

export const notFound: RequestHandler = (req, _res, next) => {
  next(new NotFoundError(`No route for ${req.method} ${req.path}`));
};

/** The one place HTTP errors become responses: a code and a clear message, detail only in the log. */
export function handleErrors(log: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const coded = asCodedError(error);
    if (coded.code === 'internal' || coded.code === 'database_unavailable') {
      log.error({ err: error, code: coded.code }, 'request failed');
    } else {
      log.info({ code: coded.code, status: coded.httpStatus, reason: coded.message }, 'request rejected');
    }
    if (res.headersSent) return;
    res.status(coded.httpStatus).json({ error: { code: coded.code, message: coded.publicMessage } });
  };
}
