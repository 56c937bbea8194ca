import type { Models } from '../models/index.ts';
import { tenantCollection } from '../db/tenant-collection.ts';

/** Per demo repository: where its code lives and how its files are named. */
const LAYOUTS: Record<string, { root: string; extension: string; test: string; shared: string[] }> = {
  'checkout-web': {
    root: 'src',
    extension: '.tsx',
    test: '.test.tsx',
    shared: ['src/shared/api-client.ts', 'src/shared/format-money.ts', 'package.json'],
  },
  'payments-api': {
    root: 'internal',
    extension: '.go',
    test: '_test.go',
    shared: ['internal/platform/http.go', 'internal/platform/config.go', 'go.mod'],
  },
  'mobile-app': {
    root: 'app',
    extension: '.tsx',
    test: '.test.tsx',
    shared: ['app/shared/navigation.tsx', 'app/shared/theme.ts', 'package.json'],
  },
};

/** Per demo title (data/demo/demo-payloads.ts DEMO_TITLES): the module it changes and its main files. */
const TOPICS: Record<string, { module: string; stems: string[] }> = {
  'Add saved cards to checkout': { module: 'checkout', stems: ['saved-cards', 'card-picker'] },
  'Retry idempotent payment captures': { module: 'payments', stems: ['capture', 'retry-policy'] },
  'Fix currency rounding on refunds': { module: 'refunds', stems: ['rounding', 'refund'] },
  'Move feature flags to the new SDK': { module: 'flags', stems: ['flags-client', 'flag-defaults'] },
  'Speed up cart page first paint': { module: 'cart', stems: ['cart-page', 'cart-summary'] },
  'Log webhook latency per provider': { module: 'webhooks', stems: ['latency', 'provider-metrics'] },
  'Paginate the order history API': { module: 'orders', stems: ['order-history', 'pagination'] },
  'Upgrade React Native to 0.76': { module: 'native', stems: ['bridge', 'permissions'] },
  'Handle 3-D Secure challenge timeouts': {
    module: 'payments',
    stems: ['three-d-secure', 'challenge-timeout'],
  },
  'Drop the legacy coupon endpoint': { module: 'coupons', stems: ['coupon-endpoint', 'coupon-routes'] },
  'Cache tax rates per region': { module: 'tax', stems: ['tax-rates', 'region-cache'] },
  'Alert on payout reconciliation drift': { module: 'payouts', stems: ['reconciliation', 'drift-alert'] },
};

/**
 * The paths a demo PR changes, as `pulls.listFiles` would list them: its topic's files and their tests first,
 * then the module's others and shared code, `changedFiles` of them at most (webhook payloads carry no paths).
 */
export function demoPullFiles(repo: string, title: string, changedFiles: number): string[] {
  const layout = LAYOUTS[repo.split('/').pop() ?? ''];
  const topic = TOPICS[title.replace(/ \(#\d+\)$/, '')];
  if (!layout || !topic) return [];
  const folder = `${layout.root}/${topic.module}`;
  const pool = [
    ...topic.stems.flatMap((stem) => [
      `${folder}/${stem}${layout.extension}`,
      `${folder}/${stem}${layout.test}`,
    ]),
    `${folder}/index${layout.extension}`,
    `${folder}/types${layout.extension}`,
    ...layout.shared,
  ];
  return pool.slice(0, Math.max(1, changedFiles));
}

/** Gives the demo tenant's PR facts their paths (the demo has no GitHub API to list them from). */
export async function addDemoPullFiles(models: Pick<Models, 'PullRequest'>, tenantId: string): Promise<void> {
  const pulls = await models.PullRequest.find({ tenantId }, { repo: 1, title: 1, changedFiles: 1 }).lean();
  const facts = tenantCollection(models.PullRequest);
  for (const pull of pulls) {
    const files = demoPullFiles(pull.repo, pull.title ?? '', pull.changedFiles ?? 1);
    if (files.length > 0) await facts.updateById(tenantId, pull._id, { $set: { files } });
  }
}
