import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { ApiTokenModel } from '../../data/models/api-token.ts';
import { UnauthorizedError } from '../errors.ts';

export interface ApiTokenOptions {
  ApiToken: ApiTokenModel;
  /** API_TOKEN from the environment, accepted for the single env-configured tenant. */
  envToken?: string;
  envTenantId: string;
}

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `Authorization: Bearer <token>` → `res.locals.tenantId`; anything else is a 401 that says what is missing. */
export function requireApiToken({ ApiToken, envToken, envTenantId }: ApiTokenOptions): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer ([^\s]+)$/.exec(req.get('authorization') ?? '');
    if (!match) {
      next(new UnauthorizedError('Send an API token as "Authorization: Bearer <token>".'));
      return;
    }
    const presented = match[1]!;
    try {
      const tenantId =
        envToken && sameSecret(presented, envToken) ? envTenantId : await ApiToken.tenantOf(presented);
      if (!tenantId) {
        next(new UnauthorizedError('The API token is not valid or has been revoked.'));
        return;
      }
      res.locals.tenantId = tenantId;
      next();
    } catch (error) {
      next(error);
    }
  };
}
