import { isDuplicateKey } from '../db/duplicate-key.ts';
import { UNOWNED } from '../../handlers/ask/find-stale-docs.ts';
import { staleDigestMessage } from '../../handlers/ask/stale-digest-message.ts';
import type { ChatReach, ConversationRef } from '../../handlers/ask/types.ts';
import type { Models } from '../models/index.ts';

/** Digests older than this are no longer sent (the next week's digest has the news). */
const PENDING_DAYS = 28;

export interface DeliverySummary {
  sent: number;
  fallback: number;
  undelivered: number;
}

/**
 * Sends the tenant's undelivered stale-docs digests: to the owner in a direct message when their GitHub login
 * is linked to a Slack or Teams account, else to the fallback channel, else leaves them marked undelivered
 * (tried again next run, e.g. once the owner links an account). Each digest is claimed before it is sent, so
 * runs twice, or at once, post it once; a failed send releases the claim.
 */
export async function deliverStaleDigests(
  models: Models,
  reach: ChatReach,
  tenantId: string,
  fallback: ConversationRef | undefined,
  now = new Date(),
): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, fallback: 0, undelivered: 0 };
  const pending = await models.StaleDocsDigest.find({
    tenantId,
    deliveredAt: null,
    createdAt: { $gte: new Date(now.getTime() - PENDING_DAYS * 86_400_000) },
  }).lean();
  for (const digest of pending) {
    const claimId = `${tenantId}|stale-digest|${digest.key}`;
    try {
      await models.DeliveryClaim.create({ _id: claimId, tenantId, claimedAt: now });
    } catch (error) {
      if (isDuplicateKey(error)) continue; // another run has it
      throw error;
    }
    const mark = async (delivery: {
      status: 'sent' | 'fallback' | 'undelivered';
      to?: string;
      reason?: string;
    }) =>
      models.StaleDocsDigest.updateOne(
        { tenantId, _id: digest._id },
        {
          $set: {
            delivery: { ...delivery, at: now },
            ...(delivery.status === 'undelivered' ? {} : { deliveredAt: now }),
          },
        },
      );
    const accounts = digest.owner === UNOWNED ? [] : await reach.chatAccountsOf(tenantId, digest.owner);
    let to: string | undefined;
    for (const account of accounts) {
      if (await reach.sendDirect(tenantId, account, staleDigestMessage(digest))) {
        to = `${account.tool}:${account.handle}`;
        break;
      }
    }
    if (to) {
      await mark({ status: 'sent', to });
      summary.sent += 1;
    } else if (fallback && (await reach.post(tenantId, fallback, staleDigestMessage(digest, true)))) {
      await mark({ status: 'fallback', to: `fallback:${fallback.surface}:${fallback.id}` });
      summary.fallback += 1;
    } else {
      await models.DeliveryClaim.deleteOne({ tenantId, _id: claimId });
      await mark({
        status: 'undelivered',
        reason:
          accounts.length === 0
            ? `${digest.owner} has no chat account linked${fallback ? ' and the fallback channel refused the post' : ' and no DOCS_DIGEST_CHANNEL is set'}`
            : `${digest.owner} could not be reached in chat${fallback ? ', nor the fallback channel' : ''}`,
      });
      summary.undelivered += 1;
    }
  }
  return summary;
}
