/** Accounts GitHub and the common dependency updaters open PRs from, without the `[bot]` suffix. */
const KNOWN_BOTS = new Set([
  'dependabot',
  'dependabot-preview',
  'renovate',
  'renovate-bot',
  'renovate-approve',
  'github-actions',
  'mend-bolt-for-github',
  'snyk-bot',
  'greenkeeper',
  'pre-commit-ci',
]);

/** `Dependabot[bot]`, `app/dependabot` (as `gh` prints it) and `dependabot` all name one account. */
const bareLogin = (login: string) =>
  login
    .trim()
    .toLowerCase()
    .replace(/^app\//, '')
    .replace(/\[bot\]$/, '');

/**
 * Whether a PR author is a bot: any `[bot]` account (GitHub Apps), Dependabot, Renovate, GitHub Actions and
 * other known updaters, or a login on the team's configured list (matched without case or `[bot]`).
 */
export function isBotAuthor(login: string, configured: readonly string[] = []): boolean {
  const lowered = login.trim().toLowerCase();
  if (lowered.endsWith('[bot]') || lowered.startsWith('app/')) return true;
  const bare = bareLogin(login);
  return KNOWN_BOTS.has(bare) || configured.some((extra) => bareLogin(extra) === bare);
}
