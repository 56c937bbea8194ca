import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import { AuthenticationConstants } from 'botframework-connector';
import express, { Router } from 'express';
import type { TeamsConfig } from '../config.ts';
import {
  BadRequestError,
  ForbiddenError,
  InternalError,
  NotConfiguredError,
  UnauthorizedError,
} from '../errors.ts';
import { BODY_LIMIT } from '../http/create-http-app.ts';
import { answerBadTokensWith401 } from './answer-bad-tokens-with-401.ts';
import { captureResponse } from './captured-response.ts';
import { demoServiceUrlCheck, readActivity } from './read-activity.ts';
import * as routes from './routes/index.ts';
import type { TeamsDeps } from './teams-deps.ts';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsSurface {
  router: Router;
  adapter: TeamsAdapter;
}

/**
 * Overriding one endpoint switches botbuilder to fully custom settings, so restate the public cloud's values
 * and change only where inbound token signing keys come from.
 */
function publicCloudWithKeysFrom(openIdMetadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: 'urn:botframework:azure',
  };
}

/** `/api/messages` when Teams is off: unsigned activities are served only in demo mode, never beside a real tenant. */
export function unavailableTeamsRouter(reason: string): Router {
  const router = Router();
  router.post(TEAMS_MESSAGES_PATH, (_req, _res, next) => next(new NotConfiguredError(reason)));
  return router;
}

/**
 * Bot Framework's CloudAdapter verifies the JWT on every activity when MICROSOFT_APP_ID is set. Without it
 * (demo mode) it accepts unauthenticated activities, as the Bot Framework Emulator sends them.
 */
export function createTeamsSurface(config: TeamsConfig | undefined, deps: TeamsDeps): TeamsSurface {
  const adapter = new TeamsAdapter({
    MicrosoftAppId: config?.appId,
    MicrosoftAppPassword: config?.appPassword,
    MicrosoftAppTenantId: config?.appTenantId,
    MicrosoftAppType: config?.appType,
    ...(config?.openIdMetadataUrl ? publicCloudWithKeysFrom(config.openIdMetadataUrl) : {}),
  });
  answerBadTokensWith401(adapter);
  adapter.onTurnError = async (context, error) => {
    deps.log.error({ err: error, activityType: context.activity.type }, 'teams turn failed');
    await context.sendActivity('Something went wrong on my side. It has been logged; please try again.');
  };
  const app = new Application({
    adapter,
    botAppId: config?.appId ?? '',
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  routes.register(app, deps);

  const serviceUrlAllowed = config ? undefined : demoServiceUrlCheck(deps.demoServiceUrls ?? []);
  const router = Router();
  router.post(TEAMS_MESSAGES_PATH, express.json({ limit: BODY_LIMIT }), async (req, res, next) => {
    const read = readActivity(req.body);
    if ('problem' in read) {
      next(new BadRequestError(`Not a Bot Framework activity: ${read.problem}.`));
      return;
    }
    if (serviceUrlAllowed && !serviceUrlAllowed(read.activity.serviceUrl)) {
      next(
        new ForbiddenError(
          'In demo mode em-agent replies only to a serviceUrl on this machine; allow others with DEMO_SERVICE_URLS.',
        ),
      );
      return;
    }
    const { response, captured } = captureResponse();
    try {
      await adapter.process(req, response, (context) => app.run(context).then(() => undefined));
    } catch (error) {
      next(error);
      return;
    }
    if (captured.status === 401) next(new UnauthorizedError('Unauthorized: the token is not valid.'));
    else if (captured.status >= 500) next(new InternalError('botbuilder failed to process an activity'));
    else if (captured.body === undefined) res.status(captured.status).end();
    else res.status(captured.status).json(captured.body);
  });
  return { router, adapter };
}
