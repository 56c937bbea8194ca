/** Every failure the bot reports on purpose has a code; anything else is `internal`. */
export type ErrorCode =
  | 'config_invalid'
  | 'database_unavailable'
  | 'bad_request'
  | 'payload_too_large'
  | 'unauthorized'
  | 'forbidden'
  | 'conflict'
  | 'not_found'
  | 'not_configured'
  | 'internal';

export abstract class CodedError extends Error {
  abstract readonly code: ErrorCode;
  abstract readonly httpStatus: number;
  /** Safe to show to a user or an API caller: never holds secrets or stack detail. */
  get publicMessage(): string {
    return this.message;
  }
}

export class ConfigError extends CodedError {
  readonly code = 'config_invalid';
  readonly httpStatus = 500;
  override name = 'ConfigError';
}

export class DatabaseUnavailableError extends CodedError {
  readonly code = 'database_unavailable';
  readonly httpStatus = 503;
  override name = 'DatabaseUnavailableError';
}

export class BadRequestError extends CodedError {
  readonly code = 'bad_request';
  readonly httpStatus = 400;
  override name = 'BadRequestError';
}

export class PayloadTooLargeError extends CodedError {
  readonly code = 'payload_too_large';
  readonly httpStatus = 413;
  override name = 'PayloadTooLargeError';
}

export class UnauthorizedError extends CodedError {
  readonly code = 'unauthorized';
  readonly httpStatus = 401;
  override name = 'UnauthorizedError';
}

export class ForbiddenError extends CodedError {
  readonly code = 'forbidden';
  readonly httpStatus = 403;
  override name = 'ForbiddenError';
}

export class ConflictError extends CodedError {
  readonly code = 'conflict';
  readonly httpStatus = 409;
  override name = 'ConflictError';
}

export class NotFoundError extends CodedError {
  readonly code = 'not_found';
  readonly httpStatus = 404;
  override name = 'NotFoundError';
}

export class NotConfiguredError extends CodedError {
  readonly code = 'not_configured';
  readonly httpStatus = 503;
  override name = 'NotConfiguredError';
}

export class InternalError extends CodedError {
  readonly code = 'internal';
  readonly httpStatus = 500;
  override name = 'InternalError';
  override get publicMessage(): string {
    return 'Something went wrong on our side. It has been logged.';
  }
}

/** Body-parser errors carry `type` and `status`; mongo driver errors have recognisable names. */
function fromKnownShape(error: unknown): CodedError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const shape = error as { type?: unknown; name?: unknown; message?: unknown };
  if (shape.type === 'entity.too.large')
    return new PayloadTooLargeError('Request body is larger than 1 MiB.');
  if (shape.type === 'entity.parse.failed') return new BadRequestError('Request body is not valid JSON.');
  if (shape.type === 'encoding.unsupported' || shape.type === 'charset.unsupported') {
    return new BadRequestError('Request body encoding is not supported.');
  }
  if (
    typeof shape.name === 'string' &&
    /^Mongo(ose)?(ServerSelection|Network|NotConnected|Topology)|^PoolClearedError/.test(shape.name)
  ) {
    return new DatabaseUnavailableError('The database is unavailable; try again shortly.', { cause: error });
  }
  return undefined;
}

export function asCodedError(error: unknown): CodedError {
  if (error instanceof CodedError) return error;
  return (
    fromKnownShape(error) ?? new InternalError(String((error as Error)?.message ?? error), { cause: error })
  );
}
