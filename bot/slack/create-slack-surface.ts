import { App, ExpressReceiver, SocketModeReceiver } from '@slack/bolt';
import express, { Router, type RequestHandler } from 'express';
import type { SlackConfig } from '../config.ts';
import { NotConfiguredError, UnauthorizedError } from '../errors.ts';
import { BODY_LIMIT } from '../http/create-http-app.ts';
import { createUsergroupMembers } from './approvals/usergroup-members.ts';
import { boltLogger } from './bolt-logger.ts';
import type { HomeThrottle } from '../home/home-throttle.ts';
import { createSlackHomes } from './home/slack-homes.ts';
import * as listeners from './listeners/index.ts';
import type { SlackDeps } from './slack-deps.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackSurface {
  /** Serves `/slack/events`: Bolt behind our body limit, or a clear 503 when Slack is off or in Socket Mode. */
  router: Router;
  /** The workspace the bot token belongs to (the single env-configured tenant). */
  teamId?: string;
  /** The App Home tabs: refreshed on events through this throttle. */
  homes: HomeThrottle;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Reads the body once with our 1 MiB limit (a clear 413/400 from the shared error handler) and hands the raw
 * bytes to Bolt, which verifies the v0 signature and 5-minute replay window over exactly those bytes.
 */
const readRawBody: RequestHandler[] = [
  express.raw({ type: () => true, limit: BODY_LIMIT }),
  (req, _res, next) => {
    (req as typeof req & { rawBody?: Buffer }).rawBody = Buffer.isBuffer(req.body)
      ? req.body
      : Buffer.alloc(0);
    next();
  },
];

export function unavailableSlackRouter(reason: string): Router {
  const router = Router();
  router.post(SLACK_EVENTS_PATH, (_req, _res, next) => next(new NotConfiguredError(reason)));
  return router;
}

export async function createSlackSurface(config: SlackConfig, deps: SlackDeps): Promise<SlackSurface> {
  const logger = boltLogger(deps.log);
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const socketMode = Boolean(config.appToken);
  const receiver = socketMode
    ? new SocketModeReceiver({ appToken: config.appToken!, logger, installerOptions: { clientOptions } })
    : new ExpressReceiver({
        signingSecret: config.signingSecret!,
        endpoints: SLACK_EVENTS_PATH,
        processBeforeResponse: false,
        logger,
      });
  const app = new App({ token: config.botToken, receiver, logger, clientOptions, deferInitialization: true });
  try {
    await app.init();
  } catch (error) {
    throw new UnauthorizedError(`Slack rejected SLACK_BOT_TOKEN (${(error as Error).message})`, {
      cause: error,
    });
  }
  const groups = createUsergroupMembers(app.client, deps.log);
  const homes = createSlackHomes({
    client: app.client,
    home: deps.home,
    approvals: deps.approvals,
    groups,
    log: deps.log,
    ...(deps.homeRefreshMs !== undefined ? { intervalMs: deps.homeRefreshMs } : {}),
  });
  listeners.register(app, { ...deps, groups, homes });
  app.error(async (error) => {
    deps.log.error({ err: error }, 'slack listener failed');
  });

  const auth = await app.client.auth.test();
  const router = socketMode
    ? unavailableSlackRouter(
        'Slack is connected over Socket Mode (SLACK_APP_TOKEN); this endpoint is not used.',
      )
    : Router()
        .post(SLACK_EVENTS_PATH, ...readRawBody)
        .use((receiver as ExpressReceiver).router);

  return {
    router,
    teamId: auth.team_id,
    homes,
    async start() {
      if (socketMode) await app.start();
    },
    async stop() {
      homes.stop();
      if (socketMode) await app.stop();
    },
  };
}
