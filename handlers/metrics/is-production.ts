import { settingOfRepo } from './repo-setting.ts';
import type { MetricsConfig } from './types.ts';

const DEFAULT_PRODUCTION = ['production', 'prod'];

/**
 * Whether a deployment environment counts as production for this repository (case-insensitive): the
 * repository's list, else the tenant's, else `production` and `prod`.
 */
export function isProductionEnvironment(repo: string, environment: string, config: MetricsConfig): boolean {
  const names = settingOfRepo(config.productionEnvironments, repo) ?? DEFAULT_PRODUCTION;
  const wanted = environment.trim().toLowerCase();
  return names.some((name) => name.toLowerCase() === wanted);
}
