import { Schema, type Connection, type Model } from 'mongoose';
import { upsertRetryingRace } from '../db/duplicate-key.ts';
import { tenantScoped } from '../db/tenant-scoped.ts';

/** What a tenant spent on the language model in one calendar month (UTC), kept as an `$inc` rollup. */
export interface LlmUsageFields {
  tenantId: string;
  /** `2026-11` */
  month: string;
  costMicroUsd: number;
  promptTokens: number;
  completionTokens: number;
  calls: number;
}

export interface LlmUsageModel extends Model<LlmUsageFields> {
  record(
    tenantId: string,
    at: Date,
    usage: { costUsd: number; promptTokens: number; completionTokens: number },
  ): Promise<void>;
  spentUsd(tenantId: string, at: Date): Promise<number>;
}

export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

const llmUsageSchema = new Schema<LlmUsageFields, LlmUsageModel>(
  {
    month: { type: String, required: true },
    costMicroUsd: { type: Number, default: 0 },
    promptTokens: { type: Number, default: 0 },
    completionTokens: { type: Number, default: 0 },
    calls: { type: Number, default: 0 },
  },
  {
    collection: 'llm_usage',
    statics: {
      async record(
        tenantId: string,
        at: Date,
        usage: { costUsd: number; promptTokens: number; completionTokens: number },
      ) {
        await upsertRetryingRace(() =>
          this.updateOne(
            { tenantId, month: monthOf(at) },
            {
              $inc: {
                // Whole millionths of a dollar, so the sums stay exact.
                costMicroUsd: Math.round(usage.costUsd * 1_000_000),
                promptTokens: usage.promptTokens,
                completionTokens: usage.completionTokens,
                calls: 1,
              },
            },
            { upsert: true },
          ),
        );
      },
      async spentUsd(tenantId: string, at: Date) {
        const row = await this.findOne({ tenantId, month: monthOf(at) }).lean();
        return (row?.costMicroUsd ?? 0) / 1_000_000;
      },
    },
  },
);
llmUsageSchema.plugin(tenantScoped);
llmUsageSchema.index({ tenantId: 1, month: 1 }, { unique: true });

export function defineLlmUsageModel(connection: Connection): LlmUsageModel {
  return connection.model<LlmUsageFields, LlmUsageModel>('LlmUsage', llmUsageSchema);
}
