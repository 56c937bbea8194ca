import { Schema, type Connection, type Model } from 'mongoose';
import { tenantScoped } from '../db/tenant-scoped.ts';

/** How long a time bucket of the change log is: a reader reads the few buckets since its last look. */
export const PULL_CHANGE_BUCKET_MS = 60_000;

/**
 * One write of a pull request fact (data/ingest/apply-fact-writes.ts): `_id` `<fact id>|<rev>`, inserted once
 * just before the write lands, in the time bucket of the writer's clock. Every process's open-PR index
 * (data/triage/open-pull-index.ts) reads the recent buckets by equality, which FerretDB pushes down, and re-reads
 * the PRs named there by `_id`. Kept an hour (jobs/purge-pull-changes.ts), so the collection stays small.
 */
export interface PullRequestChangeFields {
  _id: string;
  tenantId: string;
  /** The pull request fact's `_id`. */
  pull: string;
  /** The revision the write gives it. */
  rev: number;
  /** `floor(at / PULL_CHANGE_BUCKET_MS)`. */
  bucket: number;
  at: Date;
}

const pullRequestChangeSchema = new Schema<PullRequestChangeFields>(
  {
    _id: { type: String, required: true },
    pull: { type: String, required: true },
    rev: { type: Number, required: true },
    bucket: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'pull_request_changes', versionKey: false, id: false },
);
pullRequestChangeSchema.plugin(tenantScoped);
pullRequestChangeSchema.index({ tenantId: 1, bucket: 1 });

export type PullRequestChangeModel = Model<PullRequestChangeFields>;

export const definePullRequestChangeModel = (connection: Connection): PullRequestChangeModel =>
  (connection.models.PullRequestChange as PullRequestChangeModel | undefined) ??
  connection.model<PullRequestChangeFields>('PullRequestChange', pullRequestChangeSchema);

export const pullChangeBucketOf = (ms: number) => Math.floor(ms / PULL_CHANGE_BUCKET_MS);
