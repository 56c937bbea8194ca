import type { Response } from 'botbuilder';

/**
 * A stand-in for the HTTP response that botbuilder's `adapter.process` writes to: it records the status and
 * body instead of sending them, because botbuilder answers any failure with a 500 carrying the error's own
 * text. The route then sends what is safe to show.
 */
export function captureResponse() {
  const captured: { status: number; body?: unknown } = { status: 200 };
  const response: Response = {
    socket: undefined,
    status(code: number) {
      captured.status = code;
      return response;
    },
    header() {
      return response;
    },
    send(body: unknown) {
      captured.body = body;
      return response;
    },
    end() {
      return response;
    },
  };
  return { response, captured };
}
