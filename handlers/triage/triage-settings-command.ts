import { refuseTeamChange } from '../availability/may-change-team-defaults.ts';
import { formatUsage } from '../catalog.ts';
import type { CommandInput, CommandPorts, Reply } from '../types.ts';
import { DEFAULT_TRIAGE_THRESHOLDS } from './thresholds.ts';
import {
  TENANT_WIDE,
  type TriageSettings,
  type TriageSettingsStore,
  type TriageThresholds,
} from './types.ts';

/** What people type for each threshold (kebab-case, hours or counts), and the field it sets. */
const THRESHOLD_KEYS: Record<string, keyof TriageThresholds> = {
  'first-review': 'firstReviewHours',
  'changes-idle': 'changesRequestedIdleHours',
  'approved-unmerged': 'approvedNotMergedHours',
  'failing-ci': 'failingCiHours',
  stale: 'staleHours',
  'large-lines': 'largeLines',
  'large-files': 'largeFiles',
  'long-draft': 'longDraftHours',
};

const SIZE_FIELDS = new Set<keyof TriageThresholds>(['largeLines', 'largeFiles']);
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]|\[bot\])*$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

const reply = (tone: 'info' | 'warning', title: string, body: string, suggestion?: string): Reply => ({
  visibility: 'private',
  view: { kind: 'notice', tone, title, body, ...(suggestion ? { suggestion } : {}) },
});

type Parsed = { ok: true; changes: Partial<TriageSettings> } | { ok: false; error: string };

/** `first-review=6 bots=ci-robot,deploy-bot digest=09:30` → the changes, or what is wrong with the first bad one. */
function parseAssignments(assignments: string[]): Parsed {
  const thresholds: Partial<TriageThresholds> = {};
  const changes: Partial<TriageSettings> = {};
  for (const assignment of assignments) {
    const [rawKey = '', value = ''] = assignment.split('=', 2);
    const key = rawKey.toLowerCase();
    const field = THRESHOLD_KEYS[key];
    if (field) {
      const number = Number(value.replace(/h$/i, ''));
      if (!value || !Number.isFinite(number) || number < 0) {
        return {
          ok: false,
          error: `${key} takes ${SIZE_FIELDS.has(field) ? 'a count' : 'working hours'}, e.g. ${key}=8`,
        };
      }
      thresholds[field] = number;
    } else if (key === 'bots') {
      const logins = value
        .split(',')
        .map((login) => login.trim())
        .filter(Boolean);
      const bad = logins.find((login) => !LOGIN.test(login));
      if (bad) return { ok: false, error: `"${bad}" is not a GitHub login` };
      changes.botLogins = logins;
    } else if (key === 'digest') {
      if (!CLOCK.test(value)) return { ok: false, error: 'digest takes a time of day, e.g. digest=09:30' };
      changes.digestTime = value;
    } else {
      return { ok: false, error: `I don't know the setting "${rawKey}"` };
    }
  }
  if (Object.keys(thresholds).length > 0) changes.thresholds = thresholds;
  return { ok: true, changes };
}

function describe(settings: TriageSettings): string {
  const thresholds = { ...DEFAULT_TRIAGE_THRESHOLDS, ...settings.thresholds };
  const lines = Object.entries(THRESHOLD_KEYS).map(
    ([key, field]) => `${key}=${thresholds[field]}${SIZE_FIELDS.has(field) ? '' : 'h'}`,
  );
  return [
    `Thresholds (working hours of whoever a PR waits on): ${lines.join(', ')}.`,
    `Extra bot authors: ${settings.botLogins.length > 0 ? settings.botLogins.join(', ') : 'none'} (Dependabot, Renovate and [bot] accounts always are).`,
    `Team digest: weekdays at ${settings.digestTime}.`,
  ].join('\n');
}

/**
 * `triage settings [team] [key=value …]`: shows the thresholds, bot authors and digest time in force for a team (a
 * standup's name) or, with no team, the tenant's defaults; with assignments, changes them (approvers only, as
 * for the team's hours). A team's own values win over the tenant's.
 */
export async function runTriageSettings(
  input: CommandInput,
  ports: Pick<CommandPorts, 'standups' | 'approvals'>,
  settings: TriageSettingsStore,
  words: string[],
): Promise<Reply> {
  const usage = formatUsage(
    input.actor.surface,
    'triage',
    'settings [team] [first-review=8 stale=24 bots=a,b digest=10:00]',
  );
  const assignments = words.filter((word) => word.includes('='));
  const typedTeam = words.filter((word) => !word.includes('=')).join(' ');
  let team = TENANT_WIDE;
  if (typedTeam) {
    const known = (await ports.standups?.list(input.actor.tenantId)) ?? [];
    const found = known.find((standup) => standup.name.toLowerCase() === typedTeam.toLowerCase());
    if (!found) {
      return reply(
        'warning',
        `I don't know a team called "${typedTeam}"`,
        "A team is a standup's name.",
        usage,
      );
    }
    team = found.name;
  }
  const scopeLabel = team === TENANT_WIDE ? 'everyone (teams without their own)' : team;
  if (assignments.length > 0) {
    const parsed = parseAssignments(assignments);
    if (!parsed.ok) return reply('warning', 'That setting did not take', parsed.error, usage);
    const refused = await refuseTeamChange(input, ports);
    if (refused) return refused;
    await settings.save(
      input.actor.tenantId,
      team,
      parsed.changes,
      `${input.actor.surface}:${input.actor.userId}`,
    );
  }
  const current = await settings.settingsOf(input.actor.tenantId, team === TENANT_WIDE ? undefined : team);
  return reply(
    'info',
    `${assignments.length > 0 ? 'Saved. ' : ''}Triage settings for ${scopeLabel}`,
    describe(current),
    assignments.length > 0 ? undefined : usage,
  );
}
