import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import type { TeamsAdapter } from '@microsoft/teams-ai';

const JWT_FAILURES = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * botbuilder turns a token with a bad signature (a jsonwebtoken error, not its own AuthenticationError)
 * into a 500 that echoes the error. A forged token is the caller's fault: make it a plain 401.
 */
export function answerBadTokensWith401(adapter: TeamsAdapter): void {
  const auth = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication })
    .botFrameworkAuthentication;
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    try {
      return await authenticate(activity, authHeader);
    } catch (error) {
      if (error instanceof Error && JWT_FAILURES.has(error.name)) {
        throw new AuthenticationError('Unauthorized: the token is not valid.', 401);
      }
      throw error;
    }
  };
}
