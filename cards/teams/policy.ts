import type { PolicyView } from '../../handlers/types.ts';
import { formatWhen } from './approval.ts';
import { adaptiveCard, type AdaptiveCard } from './types.ts';

/** Keeps the card well under Teams' message size (about 28 KB) whatever the policy holds. */
const POLICY_TEXT_LIMIT = 12_000;

function sourceOf(view: PolicyView): string {
  switch (view.source) {
    case 'tenant': {
      const by = view.updatedBy ? ` by ${view.updatedBy}` : '';
      const at = view.updatedAt ? ` on ${formatWhen(view.updatedAt)}` : '';
      return `This organisation's own policy, set${by}${at}.`;
    }
    case 'file':
      return 'The policy file the bot was started with (POLICY_FILE).';
    case 'default':
      return 'The built-in default policy: nobody has set one yet.';
  }
}

/** `policy show`: where the policy in force comes from and its YAML, in monospace. */
export function renderPolicyForTeams(view: PolicyView): AdaptiveCard {
  const cut = view.yaml.length > POLICY_TEXT_LIMIT;
  const yaml = cut ? view.yaml.slice(0, POLICY_TEXT_LIMIT) : view.yaml;
  return adaptiveCard(`Approval policy in force. ${sourceOf(view)}`, [
    { type: 'TextBlock', text: 'Approval policy in force', wrap: true, weight: 'Bolder', size: 'Medium' },
    { type: 'TextBlock', text: sourceOf(view), wrap: true, isSubtle: true, spacing: 'None' },
    { type: 'TextBlock', text: yaml.trimEnd(), wrap: true, fontType: 'Monospace', spacing: 'Medium' },
    ...(cut
      ? [
          {
            type: 'TextBlock' as const,
            text: `…and ${view.yaml.length - POLICY_TEXT_LIMIT} more characters.`,
            wrap: true as const,
            isSubtle: true,
          },
        ]
      : []),
    {
      type: 'TextBlock',
      text: 'To change it, send "policy validate <yaml>" to check a new one, then "policy set <yaml>" to propose it.',
      wrap: true,
      isSubtle: true,
      spacing: 'Medium',
    },
  ]);
}
