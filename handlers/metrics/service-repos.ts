import type { MetricsConfig, MetricsIncident } from './types.ts';

/**
 * The repositories linked to an incident's service: the `services map` entry for its id or name, else every
 * repository whose name (after the owner) equals the service name, case-insensitively (`api` ↔ `acme/api`).
 */
export function findServiceRepos(
  incident: MetricsIncident,
  repos: readonly string[],
  config: MetricsConfig,
): string[] {
  const mapped =
    (incident.serviceId ? config.serviceRepos?.[incident.serviceId] : undefined) ??
    (incident.serviceName ? config.serviceRepos?.[incident.serviceName] : undefined);
  if (mapped) return [...mapped].sort();
  const name = incident.serviceName?.trim().toLowerCase();
  if (!name) return [];
  return repos.filter((repo) => repo.split('/').pop()?.toLowerCase() === name).sort();
}
