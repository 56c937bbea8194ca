import type { ApprovalNotifier } from '../../handlers/approvals/types.ts';

/**
 * Fans approval notices out to every connected surface. Each surface notifier handles only its own users,
 * conversations and messages, so an approval proposed in Slack and approved in Teams is refreshed in both.
 */
export function compositeNotifier(notifiers: readonly ApprovalNotifier[]): ApprovalNotifier {
  return {
    async requestDecision(approval, audience) {
      const posted = await Promise.all(
        notifiers.map((notifier) => notifier.requestDecision(approval, audience)),
      );
      return posted.flat();
    },
    async refresh(approval) {
      await Promise.all(notifiers.map((notifier) => notifier.refresh(approval)));
    },
    async tellRequester(approval, text) {
      await Promise.all(notifiers.map((notifier) => notifier.tellRequester(approval, text)));
    },
  };
}
