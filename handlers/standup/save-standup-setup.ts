import { checkStandupForm, type StandupFormInput, type StandupFormProblems } from './check-standup-form.ts';
import { mayManageStandup } from './may-manage-standup.ts';
import type { Actor, CommandPorts } from '../types.ts';
import type { Standup } from './types.ts';

export type SavedStandup =
  | { ok: true; standup: Standup; created: boolean }
  | { ok: false; problems: StandupFormProblems }
  | { ok: false; refused: string };

/**
 * A submitted set-up form: checked, then created (the submitter owns it) or, with `standupId`, applied to that
 * standup if the submitter may manage it. An edit keeps the owner and the surface.
 */
export async function saveStandupSetup(
  ports: Pick<CommandPorts, 'standups' | 'approvals'>,
  actor: Actor,
  form: StandupFormInput,
  standupId: string | undefined,
  now: Date,
): Promise<SavedStandup> {
  const store = ports.standups;
  if (!store) return { ok: false, refused: 'Standups are not available in this em-agent.' };
  const existing = standupId ? await store.get(actor.tenantId, standupId) : undefined;
  if (standupId && !existing) return { ok: false, refused: 'That standup no longer exists.' };
  const owner = existing?.owner ?? { tool: actor.surface, handle: actor.userId };
  const checked = checkStandupForm(form, { surface: existing?.surface ?? actor.surface, owner });
  if (!checked.ok) return { ok: false, problems: checked.problems };
  if (!existing)
    return { ok: true, standup: await store.create(actor.tenantId, checked.settings, now), created: true };
  if (!(await mayManageStandup(existing, actor, ports))) {
    return { ok: false, refused: 'Only the owner of this standup (or a policy approver) can change it.' };
  }
  const updated = await store.update(actor.tenantId, existing.id, checked.settings, now);
  return updated
    ? { ok: true, standup: updated, created: false }
    : { ok: false, refused: 'That standup no longer exists.' };
}
