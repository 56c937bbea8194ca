import { Application, TeamsAdapter } from '@microsoft/teams-ai';
import express, { Router } from 'express';
import type { TeamsConfig } from '../config.ts';
import { BODY_LIMIT } from '../http/create-http-app.ts';
import * as routes from './routes/index.ts';
import type { TeamsDeps } from './teams-deps.ts';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export interface TeamsSurface {
  router: Router;
  adapter: TeamsAdapter;
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
  });
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

  const router = Router();
  router.post(TEAMS_MESSAGES_PATH, express.json({ limit: BODY_LIMIT }), async (req, res, next) => {
    try {
      await adapter.process(req, res, (context) => app.run(context).then(() => undefined));
    } catch (error) {
      next(error);
    }
  });
  return { router, adapter };
}
