import type { NormalizeQueue } from '../data/ingest/normalize-queue.ts';
import type { EventPendingModel } from '../data/models/event-pending.ts';
import type { EventRawModel } from '../data/models/event-raw.ts';

/** What the ingestion jobs need from the composition root. */
export interface IngestJobDeps {
  queue: NormalizeQueue;
  EventRaw: EventRawModel;
  EventPending: EventPendingModel;
  retentionDays: number;
}
