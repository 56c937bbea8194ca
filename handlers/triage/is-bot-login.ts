/** Bots whose PRs are never DMed: GitHub App accounts (`name[bot]`) and the well-known dependency updaters. */
const KNOWN_BOTS = new Set([
  'dependabot',
  'renovate',
  'github-actions',
  'dependabot-preview',
  'renovate-bot',
]);

/** Whether a GitHub login is a bot's, by its `[bot]` suffix, a known updater's name, or the tenant's own list. */
export function isBotLogin(login: string, configured: readonly string[] = []): boolean {
  const lower = login.toLowerCase();
  return (
    lower.endsWith('[bot]') ||
    KNOWN_BOTS.has(lower) ||
    configured.some((name) => name.toLowerCase() === lower)
  );
}
