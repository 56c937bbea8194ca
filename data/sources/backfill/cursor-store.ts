import { upsertRetryingRace } from '../../db/duplicate-key.ts';
import { tenantCollection } from '../../db/tenant-collection.ts';
import type { BackfillCursorFields, BackfillCursorModel } from '../../models/backfill-cursor.ts';

export type StreamCursor = Pick<
  BackfillCursorFields,
  'position' | 'range' | 'completedAt' | 'completedThrough'
>;
export type PageCursor = Pick<BackfillCursorFields, 'etag' | 'next'>;

/**
 * One tenant's backfill cursors (see data/models/backfill-cursor.ts). Every read and write filters on `_id`
 * alone, through tenantCollection (which checks the tenant on the document): FerretDB pushes down only a bare
 * `_id` filter (adding tenantId makes each lookup a scan, ~20 ms at a few thousand cursors against ~3 ms).
 */
export function createCursorStore(model: BackfillCursorModel, tenantId: string) {
  const streamId = (stream: string) => `${tenantId}|stream|${stream}`;
  const pageId = (stream: string, position: string) => `${tenantId}|page|${stream}|${position}`;
  const cursors = tenantCollection(model);
  const read = <T>(_id: string) => cursors.findById(tenantId, _id) as Promise<T | null>;
  const upsert = (_id: string, fields: Partial<BackfillCursorFields>) =>
    upsertRetryingRace(() =>
      cursors.updateById(tenantId, _id, { $set: { ...fields, updatedAt: new Date() } }, { upsert: true }),
    );
  return {
    stream: (stream: string) => read<StreamCursor>(streamId(stream)),
    async savePosition(stream: string, range: string, position: string): Promise<void> {
      await upsert(streamId(stream), { kind: 'stream', stream, range, position });
    },
    async complete(stream: string, range: string, through: Date): Promise<void> {
      await upsert(streamId(stream), {
        kind: 'stream',
        stream,
        range,
        position: null,
        completedAt: new Date(),
        completedThrough: through,
      });
    },
    page: (stream: string, position: string) => read<PageCursor>(pageId(stream, position)),
    async savePage(stream: string, position: string, page: PageCursor): Promise<void> {
      await upsert(pageId(stream, position), { kind: 'page', stream, url: position, ...page });
    },
  };
}

export type CursorStore = ReturnType<typeof createCursorStore>;
