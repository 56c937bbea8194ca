import type { StandupStore } from '../standup/types.ts';
import type { Actor } from '../types.ts';
import type { MetricsScope, TenantMetricsSettings } from './ports.ts';

export type ResolvedMetricsScope =
  { ok: true; scope: MetricsScope; label: string } | { ok: false; title: string; body: string };

const REPO = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;
const TENANT_WORDS = new Set(['all', 'everyone', 'org', 'tenant']);
const PERSON = /^(me|<@[A-Z0-9]+(\|[^>]*)?>|@\S+)$/i;

/**
 * What `/dora [team | owner/repo | service] …` is about: a standup's name (any case, spaces allowed), a
 * repository `owner/name`, a service of the services map (or `service <name>` for any name), `all` for the
 * whole organisation. Nothing means the asker's team (the first standup they are a member of), else everyone.
 * A person is refused: delivery metrics describe teams and systems, never an individual.
 */
export async function resolveMetricsScope(
  actor: Actor,
  typed: string,
  standups: Pick<StandupStore, 'list'> | undefined,
  settings: Pick<TenantMetricsSettings, 'serviceRepos'>,
): Promise<ResolvedMetricsScope> {
  const text = typed.trim().replace(/\s+/g, ' ');
  const teams = (await standups?.list(actor.tenantId)) ?? [];
  if (text === '') {
    const mine = teams.find((standup) =>
      standup.members.some(
        (member) =>
          member.tool === actor.surface && member.handle.toLowerCase() === actor.userId.toLowerCase(),
      ),
    );
    return mine
      ? { ok: true, scope: { kind: 'team', team: mine.name }, label: mine.name }
      : { ok: true, scope: { kind: 'tenant' }, label: 'everyone' };
  }
  if (TENANT_WORDS.has(text.toLowerCase())) return { ok: true, scope: { kind: 'tenant' }, label: 'everyone' };
  if (PERSON.test(text)) {
    return {
      ok: false,
      title: 'Delivery metrics are about teams, not people',
      body: 'Ask for a team (a standup name), a repository (owner/name) or a service. Nobody’s own numbers are shown.',
    };
  }
  if (REPO.test(text)) return { ok: true, scope: { kind: 'repo', repo: text }, label: text };
  const named = /^service (.{1,100})$/i.exec(text);
  if (named)
    return { ok: true, scope: { kind: 'service', service: named[1]! }, label: `service ${named[1]}` };
  const team = teams.find((standup) => standup.name.toLowerCase() === text.toLowerCase());
  if (team) return { ok: true, scope: { kind: 'team', team: team.name }, label: team.name };
  const services = Object.keys(settings.serviceRepos ?? {});
  const service = services.find((name) => name.toLowerCase() === text.toLowerCase());
  if (service) return { ok: true, scope: { kind: 'service', service }, label: `service ${service}` };
  const list = (names: string[]) => names.slice(0, 10).join(', ');
  return {
    ok: false,
    title: `I don't know a team or service called "${text}"`,
    body: [
      teams.length > 0 ? `Teams (standup names): ${list(teams.map((standup) => standup.name))}.` : '',
      services.length > 0 ? `Services: ${list(services)}.` : '',
      'Or name a repository (owner/name), "service <name>", or "all".',
    ]
      .filter(Boolean)
      .join(' '),
  };
}
