/** The key of a per-repository setting that holds the tenant's value for every repository without its own. */
export const EVERY_REPO = '*';

/** A per-repository setting of a repository: its own entry, else the tenant-wide one, else undefined. */
export function settingOfRepo<T>(entries: Record<string, T> | undefined, repo: string): T | undefined {
  return entries?.[repo] ?? entries?.[EVERY_REPO];
}
