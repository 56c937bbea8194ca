import express, { Router, type Request, type RequestHandler } from 'express';
import { Types } from 'mongoose';
import type { Logger } from 'pino';
import type { EventPendingModel } from '../../data/models/event-pending.ts';
import type { EventRawModel } from '../../data/models/event-raw.ts';
import type { StoredEvent } from '../../data/ingest/normalize-pending.ts';
import { tenantCollection } from '../../data/db/tenant-collection.ts';
import { createGroupInsert } from '../../data/ingest/group-insert.ts';
import type { TenantModel } from '../../data/models/tenant.ts';
import { describeGithubDelivery } from '../../data/sources/github/describe-delivery.ts';
import { verifyGithubSignature } from '../../data/sources/github/verify-signature.ts';
import type { Verification } from '../../data/sources/hmac.ts';
import { describeJiraDelivery } from '../../data/sources/jira/describe-delivery.ts';
import { verifyAtlassianJwt } from '../../data/sources/jira/verify-jwt.ts';
import { verifyJiraSignature } from '../../data/sources/jira/verify-signature.ts';
import { describePagerDutyDelivery } from '../../data/sources/pagerduty/describe-delivery.ts';
import { verifyPagerDutySignature } from '../../data/sources/pagerduty/verify-signature.ts';
import { isSourceName, type DescribedDelivery, type SourceName } from '../../data/sources/types.ts';
import type { SourcesConfig } from '../config.ts';
import {
  asCodedError,
  BadRequestError,
  NotConfiguredError,
  NotFoundError,
  UnauthorizedError,
} from '../errors.ts';
import { BODY_LIMIT } from '../http/create-http-app.ts';

export interface WebhookRouteOptions {
  log: Logger;
  EventRaw: EventRawModel;
  EventPending: EventPendingModel;
  Tenant: TenantModel;
  /** The tenant the environment's secrets belong to (`/webhooks/<source>` without a tenant). */
  envTenantId: string;
  envSecrets: SourcesConfig['webhookSecrets'];
  /** The env tenant's Jira Connect client key, when its Jira webhooks are JWT-signed. */
  envJiraClientKey?: string;
  /** Told after a new event is stored, so normalization starts without holding the response. */
  onStored?(tenantId: string, event: StoredEvent): void;
}

const readRawBody = express.raw({ type: () => true, limit: BODY_LIMIT });

/** Headers worth keeping with the event; signatures and anything else are dropped. */
const KEPT_HEADER =
  /^(x-github-(event|delivery|hook-[a-z-]+)|x-atlassian-webhook-[a-z-]+|x-webhook-[a-z-]+|user-agent|content-type)$/;

function keptHeaders(req: Request): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && KEPT_HEADER.test(name)) kept[name] = value;
  }
  return kept;
}

function headerMap(req: Request): Record<string, string | undefined> {
  const map: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers))
    map[name] = Array.isArray(value) ? value[0] : value;
  return map;
}

/** The delivery id as far as it can be known before the body is read, for log lines about refusals. */
function earlyDeliveryId(req: Request): string | undefined {
  return req.get('x-github-delivery') ?? req.get('x-atlassian-webhook-identifier') ?? undefined;
}

interface Secrets {
  tenantId: string;
  /** The current secret first, then one a rotation replaced while its grace period lasts. */
  secrets: string[];
  jiraClientKey?: string;
}

function verifyWith(source: SourceName, req: Request, body: Buffer, secret: string, clientKey?: string) {
  if (source === 'github') return verifyGithubSignature(body, secret, req.get('x-hub-signature-256'));
  if (source === 'pagerduty') return verifyPagerDutySignature(body, secret, req.get('x-pagerduty-signature'));
  const authorization = req.get('authorization');
  if (authorization?.startsWith('JWT ')) {
    const url = req.originalUrl;
    const at = url.indexOf('?');
    const request = {
      method: req.method,
      path: at === -1 ? url : url.slice(0, at),
      query: at === -1 ? '' : url.slice(at + 1),
    };
    return verifyAtlassianJwt(request, secret, authorization, { clientKey });
  }
  const query = typeof req.query.secret === 'string' ? req.query.secret : undefined;
  return verifyJiraSignature(body, secret, req.get('x-hub-signature'), query);
}

/** Accepted if any active secret verifies it (during a rotation, the old one too); the first refusal explains. */
function verify(source: SourceName, req: Request, body: Buffer, secrets: Secrets): Verification {
  let first: Verification | undefined;
  for (const secret of secrets.secrets) {
    const verification = verifyWith(source, req, body, secret, secrets.jiraClientKey);
    if (verification.ok) return verification;
    first ??= verification;
  }
  return first ?? { ok: false, reason: 'no secret is configured' };
}

/** JSON, or GitHub's form encoding (`payload=<json>`); anything else is a 400. */
function parseBody(req: Request, body: Buffer): Record<string, unknown> {
  let text = body.toString('utf8');
  if (/^application\/x-www-form-urlencoded/i.test(req.get('content-type') ?? '')) {
    text = new URLSearchParams(text).get('payload') ?? '';
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadRequestError('Request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new BadRequestError('Request body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

function describe(source: SourceName, req: Request, payload: Record<string, unknown>, raw: Buffer) {
  if (source === 'github') return describeGithubDelivery(headerMap(req), payload);
  if (source === 'jira') return describeJiraDelivery(headerMap(req), payload, raw);
  return describePagerDutyDelivery(payload);
}

const ENV_VARIABLE: Record<SourceName, string> = {
  github: 'GITHUB_WEBHOOK_SECRET',
  jira: 'JIRA_WEBHOOK_SECRET',
  pagerduty: 'PAGERDUTY_WEBHOOK_SECRET',
};

/**
 * `POST /webhooks/<github|jira|pagerduty>[/<tenantId>]`: verify, dedupe, persist the raw delivery, acknowledge.
 * Normalization happens later from the stored event, so the provider's timeout is never at stake and a crash
 * after the ack loses nothing. Every refusal is logged with the delivery id and writes nothing.
 */
export function webhookRoutes(options: WebhookRouteOptions): Router {
  const { log, EventRaw, EventPending, Tenant } = options;
  const router = Router();
  // Grouped with concurrent deliveries: on FerretDB's SQLite every write waits its turn, so a burst costs a few
  // batched round trips instead of one each. Through the driver: documents are complete and tenant-stamped.
  const pending = tenantCollection(EventPending);
  const insertRaw = createGroupInsert(tenantCollection(EventRaw));
  const insertPending = createGroupInsert(pending);

  async function secretsFor(source: SourceName, tenantParam: string | undefined): Promise<Secrets> {
    if (tenantParam === undefined) {
      const secret = options.envSecrets[source];
      if (!secret) {
        throw new NotConfiguredError(`The ${source} webhook is not configured: set ${ENV_VARIABLE[source]}.`);
      }
      return { tenantId: options.envTenantId, secrets: [secret], jiraClientKey: options.envJiraClientKey };
    }
    const tenant = await Tenant.findOne(
      { tenantId: tenantParam },
      { webhookSecrets: 1, previousWebhookSecrets: 1, jiraClientKey: 1 },
    ).lean();
    if (!tenant) throw new NotFoundError(`Unknown tenant "${tenantParam}".`);
    const secret = tenant.webhookSecrets?.[source];
    if (!secret) throw new NotFoundError(`Tenant "${tenantParam}" has no ${source} webhook secret set.`);
    const previous = tenant.previousWebhookSecrets?.[source];
    const stillValid = previous?.secret && previous.until > new Date() ? [previous.secret] : [];
    return { tenantId: tenantParam, secrets: [secret, ...stillValid], jiraClientKey: tenant.jiraClientKey };
  }

  const receive: RequestHandler = async (req, res, next) => {
    const sourceParam = String(req.params.source);
    const tenantParam = req.params.tenant === undefined ? undefined : String(req.params.tenant);
    let deliveryId = earlyDeliveryId(req);
    const refuse = (error: unknown) => {
      const coded = asCodedError(error);
      if (coded.code !== 'internal' && coded.code !== 'database_unavailable') {
        log.info(
          {
            source: sourceParam,
            tenantId: tenantParam,
            deliveryId,
            status: coded.httpStatus,
            reason: coded.message,
          },
          'webhook refused',
        );
      }
      // The sender may still be uploading the rest of an oversized body: close the connection after answering.
      if (coded.code === 'payload_too_large') res.setHeader('connection', 'close');
      next(error);
    };
    try {
      if (!isSourceName(sourceParam)) throw new NotFoundError(`No webhook for "${sourceParam}".`);
      const source = sourceParam;
      const secrets = await secretsFor(source, tenantParam);
      const { tenantId } = secrets;
      const raw = await new Promise<Buffer>((resolve, reject) =>
        readRawBody(req, res, (error?: unknown) => (error ? reject(error) : resolve(req.body as Buffer))),
      );
      const body = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
      const verification = verify(source, req, body, secrets);
      if (!verification.ok) throw new UnauthorizedError(`Webhook signature refused: ${verification.reason}.`);
      const payload = parseBody(req, body);
      const described: DescribedDelivery = describe(source, req, payload, body);
      deliveryId = described.kind === 'event' ? described.delivery.deliveryId : described.deliveryId;
      if (described.kind === 'invalid') throw new BadRequestError(described.message);
      if (described.kind === 'ping') {
        res.status(200).json({ status: 'pong' });
        return;
      }
      if (described.kind === 'ignored') {
        log.info({ source, tenantId, deliveryId, eventType: described.eventType }, 'webhook ignored');
        res.status(202).json({ status: 'ignored', eventType: described.eventType });
        return;
      }
      const { delivery } = described;
      const stored: StoredEvent = {
        _id: new Types.ObjectId(),
        source,
        deliveryId: delivery.deliveryId,
        eventType: delivery.eventType,
        body: body.toString('utf8'),
      };
      const receivedAt = new Date();
      // The queue entry first: once the event is stored it is certain to be normalized, even after a crash.
      // An entry whose event never arrives (a duplicate, a crash in between) is dropped by the normalizer.
      await insertPending({ _id: stored._id, tenantId, receivedAt, attempts: 0 });
      const outcome = await insertRaw({
        ...stored,
        tenantId,
        ...(delivery.action ? { action: delivery.action } : {}),
        headers: keptHeaders(req),
        verification: { verified: true, method: verification.method },
        receivedAt,
      });
      if (outcome === 'duplicate') {
        await pending.deleteById(tenantId, stored._id);
        log.info({ source, tenantId, deliveryId, eventType: delivery.eventType }, 'webhook duplicate');
        res.status(200).json({ status: 'duplicate', deliveryId });
        return;
      }
      log.info({ source, tenantId, deliveryId, eventType: delivery.eventType }, 'webhook stored');
      res.status(202).json({ status: 'accepted', deliveryId });
      options.onStored?.(tenantId, stored);
    } catch (error) {
      refuse(error);
    }
  };

  router.post('/webhooks/:source{/:tenant}', receive);
  return router;
}
