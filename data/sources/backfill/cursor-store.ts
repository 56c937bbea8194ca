import type { BackfillCursorFields, BackfillCursorModel } from '../../models/backfill-cursor.ts';

export type StreamCursor = Pick<
  BackfillCursorFields,
  'position' | 'range' | 'completedAt' | 'completedThrough'
>;
export type PageCursor = Pick<BackfillCursorFields, 'etag' | 'next'>;

/** One tenant's backfill cursors (see data/models/backfill-cursor.ts), every read and write by _id. */
export function createCursorStore(model: BackfillCursorModel, tenantId: string) {
  const streamId = (stream: string) => `${tenantId}|stream|${stream}`;
  const pageId = (stream: string, position: string) => `${tenantId}|page|${stream}|${position}`;
  const upsert = (_id: string, fields: Partial<BackfillCursorFields>) =>
    model.updateOne({ tenantId, _id }, { $set: { ...fields, updatedAt: new Date() } }, { upsert: true });
  return {
    async stream(stream: string): Promise<StreamCursor | null> {
      return model.findOne({ tenantId, _id: streamId(stream) }).lean();
    },
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
    async page(stream: string, position: string): Promise<PageCursor | null> {
      return model.findOne({ tenantId, _id: pageId(stream, position) }).lean();
    },
    async savePage(stream: string, position: string, page: PageCursor): Promise<void> {
      await upsert(pageId(stream, position), { kind: 'page', stream, url: position, ...page });
    },
  };
}

export type CursorStore = ReturnType<typeof createCursorStore>;
