import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/**
 * REST API tokens. A token reads `ema_<tenant, base64url>_<secret>`: the tenant lets every lookup stay scoped to
 * one tenant, and only the SHA-256 of the whole token is stored, so a database leak reveals no usable token.
 */
export interface ApiTokenFields {
  /** The token's public id (shown by `token list`, used by `token revoke`). */
  _id: string;
  tenantId: string;
  name: string;
  tokenHash: string;
  createdAt: Date;
  revokedAt?: Date | null;
}

export interface IssuedToken {
  id: string;
  tenantId: string;
  name: string;
  /** Shown once, never stored. */
  token: string;
}

export interface ApiTokenModel extends Model<ApiTokenFields> {
  issue(tenantId: string, name: string): Promise<IssuedToken>;
  /** The tenant a presented token belongs to, when it is one of ours and not revoked. */
  tenantOf(token: string): Promise<string | undefined>;
  revoke(tenantId: string, id: string): Promise<boolean>;
}

const TOKEN_PATTERN = /^ema_([A-Za-z0-9_-]+)_([A-Za-z0-9_-]{43})$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tenantNamedBy(token: string): string | undefined {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return undefined;
  const tenantId = Buffer.from(match[1]!, 'base64url').toString('utf8');
  return tenantId.length > 0 ? tenantId : undefined;
}

const apiTokenSchema = new Schema<ApiTokenFields, ApiTokenModel>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true, maxlength: 100 },
    tokenHash: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  {
    collection: 'api_tokens',
    statics: {
      async issue(tenantId: string, name: string) {
        const token = `ema_${Buffer.from(tenantId).toString('base64url')}_${randomBytes(32).toString('base64url')}`;
        const id = randomUUID();
        await this.create({ _id: id, tenantId, name, tokenHash: hashToken(token), createdAt: new Date() });
        return { id, tenantId, name, token };
      },
      async tenantOf(token: string) {
        const tenantId = tenantNamedBy(token);
        if (!tenantId) return undefined;
        const found = await this.findOne({ tenantId, tokenHash: hashToken(token), revokedAt: null }).lean();
        return found ? tenantId : undefined;
      },
      async revoke(tenantId: string, id: string) {
        const result = await this.updateOne(
          { tenantId, _id: id, revokedAt: null },
          { $set: { revokedAt: new Date() } },
        );
        return result.modifiedCount === 1;
      },
    },
  },
);
apiTokenSchema.plugin(tenantScoped);
apiTokenSchema.index({ tenantId: 1, tokenHash: 1 }, { unique: true });

export function defineApiTokenModel(connection: Connection): ApiTokenModel {
  return connection.model<ApiTokenFields, ApiTokenModel>('ApiToken', apiTokenSchema);
}
