import { z } from 'zod';
import type { ClickOrigin } from './answer-clicker.ts';

const metadata = z.object({
  approvalId: z.string().min(1),
  actionType: z.string().min(1),
  origin: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('message'), channel: z.string().min(1), threadTs: z.string().optional() }),
    z.object({ kind: z.literal('home') }),
  ]),
});

export interface ModifyMetadata {
  approvalId: string;
  actionType: string;
  origin: ClickOrigin;
}

/** What the Modify modal carries in `private_metadata`: which approval, and where to answer the person. */
export const modifyMetadata = {
  write: (value: ModifyMetadata): string => JSON.stringify(value),
  read(text: string | undefined): ModifyMetadata | undefined {
    try {
      const parsed = metadata.safeParse(JSON.parse(text ?? ''));
      return parsed.success ? (parsed.data as ModifyMetadata) : undefined;
    } catch {
      return undefined;
    }
  },
};
