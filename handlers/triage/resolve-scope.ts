import { formatUsage } from '../catalog.ts';
import type { StandupStore } from '../standup/types.ts';
import type { Actor, NoticeView } from '../types.ts';
import type { TriagePorts } from './triage-ports.ts';
import type { TriageScope } from './types.ts';

export type ResolvedScope =
  { ok: true; scope: TriageScope; label: string } | { ok: false; notice: NoticeView };

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

const sameAccount = (a: { tool: string; handle: string }, b: { tool: string; handle: string }) =>
  a.tool === b.tool && a.handle.toLowerCase() === b.handle.toLowerCase();

/**
 * Whose queue `/triage [team|repo|me]` means: a team is a standup's name (any case, spaces allowed), a repository
 * is `owner/name`, `me` is the asker's linked GitHub logins, and nothing is the asker's team (the first standup
 * they are a member of), else the whole tenant. Unknown names get a notice that says what would work.
 */
export async function resolveTriageScope(
  actor: Actor,
  typed: string,
  triage: Pick<TriagePorts, 'findRepo' | 'githubLoginsOf'>,
  standups: StandupStore | undefined,
): Promise<ResolvedScope> {
  const text = typed.trim();
  const usage = formatUsage(actor.surface, 'triage', '[team | owner/repo | me]');
  if (text === '') {
    const account = { tool: actor.surface, handle: actor.userId };
    const mine = (await standups?.list(actor.tenantId))?.find((standup) =>
      standup.members.some((member) => sameAccount(member, account)),
    );
    return mine
      ? { ok: true, scope: { kind: 'team', team: mine.name }, label: mine.name }
      : { ok: true, scope: { kind: 'all' }, label: 'everyone' };
  }
  if (text.toLowerCase() === 'me') {
    const logins = await triage.githubLoginsOf(actor.tenantId, { tool: actor.surface, handle: actor.userId });
    if (logins.length > 0) return { ok: true, scope: { kind: 'person', logins }, label: 'you' };
    return {
      ok: false,
      notice: {
        kind: 'notice',
        tone: 'warning',
        title: 'I do not know your GitHub account yet',
        body: 'Link it first, then your queue shows the PRs you wrote and those waiting on you.',
        suggestion: formatUsage(actor.surface, 'link', 'github <login>'),
      },
    };
  }
  if (REPO.test(text)) {
    const repo = await triage.findRepo(actor.tenantId, text);
    if (repo) return { ok: true, scope: { kind: 'repo', repo }, label: repo };
    return {
      ok: false,
      notice: {
        kind: 'notice',
        tone: 'warning',
        title: `I don't know the repository ${text}`,
        body: 'I only know repositories whose GitHub events or backfill reached me. Check the spelling (owner/name).',
        suggestion: usage,
      },
    };
  }
  const teams = (await standups?.list(actor.tenantId)) ?? [];
  const team = teams.find((standup) => standup.name.toLowerCase() === text.toLowerCase());
  if (team) return { ok: true, scope: { kind: 'team', team: team.name }, label: team.name };
  const known = teams.map((standup) => standup.name).slice(0, 10);
  return {
    ok: false,
    notice: {
      kind: 'notice',
      tone: 'warning',
      title: `I don't know a team called "${text}"`,
      body:
        known.length > 0
          ? `A team is a standup's name: ${known.join(', ')}. Or name a repository (owner/name), or "me".`
          : 'A team is a standup\'s name, and there are none yet. Name a repository (owner/name), or "me".',
      suggestion: usage,
    },
  };
}
