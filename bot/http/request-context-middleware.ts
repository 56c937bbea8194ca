import type { RequestHandler } from 'express';
import { chooseRequestId, runWithRequestContext } from '../request-context.ts';

/** Gives each request an id (the caller's `x-request-id` when it is sane) that every log line of it carries. */
export const requestContext: RequestHandler = (req, res, next) => {
  const requestId = chooseRequestId(req.get('x-request-id'));
  res.setHeader('x-request-id', requestId);
  runWithRequestContext(requestId, next);
};
