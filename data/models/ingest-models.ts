import type { Connection } from 'mongoose';
import { defineEventRawModel } from './event-raw.ts';

/** The ingestion models (raw deliveries, normalized facts, identities, cursors), registered as one group. */
export function defineIngestModels(connection: Connection) {
  return {
    EventRaw: defineEventRawModel(connection),
  };
}
