import type { LeadTimeItem } from './lead-time.ts';

/** The chain behind one lead-time item: PR → merge sha → deployment → the previous deployment's sha. */
export function describeLeadTimeChain(item: LeadTimeItem): string {
  const short = (sha: string | undefined) => (sha ? sha.slice(0, 7) : 'unknown');
  const merge = item.mergeSha ? `merge ${short(item.mergeSha)}` : `matched by ${item.matchedBy}`;
  const previous = item.previousDeploymentKey
    ? `previous ${item.previousDeploymentKey} (${short(item.previousSha)})`
    : 'first observed deployment';
  const filled = item.filledBy
    ? ` (GitHub compare ${short(item.filledBy.base)}...${short(item.filledBy.head)} filled a push not seen)`
    : '';
  return `${item.repo}#${item.number} → ${merge}${filled} → ${item.deploymentKey} (${short(item.deployedSha)}) → ${previous}`;
}
