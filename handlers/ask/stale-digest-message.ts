import type { NoticeView } from '../types.ts';
import { UNOWNED, type OwnerDigest } from './find-stale-docs.ts';

const WHY =
  'Answers keep citing these although they look out of date or did not help, or they hold secret-looking text.';

/**
 * The stale-docs digest as a message: to the owner themself, or (`forChannel`) to the fallback channel for
 * an owner em-agent cannot reach in chat, which says whose docs they are and how to get them directly.
 */
export function staleDigestMessage(digest: OwnerDigest, forChannel = false): NoticeView {
  const count = digest.items.length;
  const docs = `${count} doc${count === 1 ? '' : 's'}`;
  const lines = digest.items.map((item) => `• ${item.path} (${item.source}): ${item.reason}. ${item.url}`);
  if (!forChannel) {
    return {
      kind: 'notice',
      tone: 'info',
      title: `${docs} you own need a look`,
      body: [`${WHY} A quick review keeps answers right.`, ...lines].join('\n'),
    };
  }
  const unowned = digest.owner === UNOWNED;
  return {
    kind: 'notice',
    tone: 'info',
    title: unowned
      ? `Stale docs with no owner: ${docs} to look at`
      : `Stale docs owned by ${digest.owner}: ${docs} to look at`,
    body: [
      unowned
        ? `${WHY} They have no code owner or known author; add them to CODEOWNERS.`
        : `${WHY} ${digest.owner} has no chat account linked to em-agent (\`/em link github <login>\` in ` +
          'Slack, `link github <login>` in Teams).',
      ...lines,
    ].join('\n'),
  };
}
