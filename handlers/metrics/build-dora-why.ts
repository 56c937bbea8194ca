import type { ReportYear } from './bands.ts';
import type { DoraActionPayload, DoraFigure, DoraWhySection, DoraWhyView } from './dora-view.ts';
import { describeLeadTimeChain } from './explain-figure.ts';
import { formatCoverage, formatDuration, formatShare, plural } from './format-figure.ts';
import type { DoraAnswer } from './measure-dora.ts';

/** Items listed per section: the message stays within one screen and Slack's 50 blocks. */
export const WHY_ITEMS = 10;

const short = (sha: string) => sha.slice(0, 7);
const when = (at: Date) => at.toISOString().slice(0, 16).replace('T', ' ');

function section(title: string, lines: string[], limit = WHY_ITEMS): DoraWhySection {
  return { title, lines: lines.slice(0, limit), more: Math.max(0, lines.length - limit) };
}

function deploymentFrequency(answer: DoraAnswer) {
  const { deploymentFrequency: frequency, basis } = answer;
  const counted = basis.counted.deployments.filter((d) => frequency.keys.includes(d.key));
  return {
    title: 'Deployment frequency',
    summary: `${plural(frequency.count, 'successful production deployment')} over ${frequency.weeks.toFixed(1)} weeks: ${frequency.perWeek.toFixed(1)} a week, on ${frequency.deploymentDaysPerWeek.toFixed(1)} distinct days a week (the band reads the days). Each deployment counts once, at its first success.`,
    facts: [
      { title: 'Deployments', value: String(frequency.count) },
      { title: 'Per week', value: frequency.perWeek.toFixed(2) },
      { title: 'Deployment days / week', value: frequency.deploymentDaysPerWeek.toFixed(2) },
      ...bandFact(answer.deploymentFrequency.band),
    ],
    sections: [
      section(
        'Latest deployments',
        [...counted].reverse().map((d) => {
          const notes = [
            d.redeploys.length > 0 ? `${plural(d.redeploys.length, 'redeploy')} folded in` : '',
            d.rollbackOf ? `rollback of ${d.rollbackOf}` : '',
            d.failedAt ? 'status turned failed' : '',
          ].filter(Boolean);
          return `${d.key} · ${short(d.sha)} · ${when(d.at)} UTC${notes.length ? ` · ${notes.join(', ')}` : ''}`;
        }),
      ),
    ],
  };
}

function leadTime(answer: DoraAnswer) {
  const { leadTime: lead, basis } = answer;
  const phase = (name: string, value: number | null) =>
    value === null ? [] : [`${name} ${formatDuration(value)}`];
  return {
    title: 'Lead time for changes',
    summary: `From each merged PR's first commit to the production deployment that shipped it, over ${plural(lead.leadTime.count, 'PR')}. ${formatCoverage(lead.coverage, 'merged PRs', 'linked to a deployment')}.`,
    facts: [
      ...(lead.leadTime.p50 !== null
        ? [
            { title: 'Median', value: formatDuration(lead.leadTime.p50) },
            {
              title: 'p75 / p90',
              value: `${formatDuration(lead.leadTime.p75!)} / ${formatDuration(lead.leadTime.p90!)}`,
            },
          ]
        : []),
      {
        title: 'Phases (median)',
        value:
          [
            ...phase('coding', lead.phases.coding.p50),
            ...phase('pickup', lead.phases.pickup.p50),
            ...phase('review', lead.phases.review.p50),
            ...phase('deploy', lead.phases.deploy.p50),
          ].join(' · ') || 'none',
      },
      {
        title: 'Left out',
        value: `${lead.leftOut.beforeFirstDeployment} merged before the first deployment seen, ${lead.leftOut.beforeCommitCutoff} started before the commit cutoff`,
      },
      ...(lead.band ? bandFact(lead.band) : []),
    ],
    sections: [
      section(
        'Slowest changes (at or above p90), with their chain',
        lead.outliers.map((item) => `${formatDuration(item.leadTimeMs)}: ${describeLeadTimeChain(item)}`),
      ),
      section(
        'Merged but not linked to a deployment',
        lead.unlinked.map((pr) => `${pr.repo}#${pr.number} · merged ${when(pr.mergedAt)} UTC`),
      ),
      section(
        'Linked through a GitHub compare (a push not seen)',
        lead.items.flatMap((item) =>
          item.filledBy
            ? [
                `${item.repo}#${item.number} · ${short(item.filledBy.base)}...${short(item.filledBy.head)} (${item.filledBy.status}${item.filledBy.truncated ? ', truncated' : ''})`,
              ]
            : [],
        ),
      ),
      section(
        'Gaps in the push chain (nothing across them is linked)',
        basis.gaps.map((gap) => `${gap.repo}: ${short(gap.base)}...${short(gap.head)}`),
      ),
    ].filter((part) => part.lines.length > 0),
  };
}

function changeFailureRate(answer: DoraAnswer) {
  const cfr = answer.changeFailureRate;
  const rules = new Map(
    answer.basis.attributions.flatMap((a) => (a.deploymentKey ? [[a.incidentId, a.rule] as const] : [])),
  );
  return {
    title: 'Change failure rate',
    summary: `${cfr.failed} of ${plural(cfr.deployments, 'deployment')} failed (an incident attributed to it, a status turned failed, or an attempt that never succeeded). ${formatCoverage(cfr.incidentCoverage, 'incidents', 'attributed to a deployment')}.`,
    facts: [
      { title: 'Rate', value: cfr.rate === null ? 'no deployments' : formatShare(cfr.rate) },
      { title: 'Failed / deployments', value: `${cfr.failed} / ${cfr.deployments}` },
      ...(cfr.band ? bandFact(cfr.band) : []),
    ],
    sections: [
      section(
        'Failed deployments',
        cfr.failures.map((failure) => {
          const incidents = failure.incidentIds.map((id) => `${id} (${rules.get(id) ?? 'attributed'})`);
          return `${failure.deploymentKey} · ${failure.causes.join(', ')}${incidents.length ? ` · ${incidents.join(', ')}` : ''}`;
        }),
      ),
      section(
        'Incidents not attributed (counted apart, never blamed)',
        cfr.unattributed.map((incident) => `${incident.incidentId} · ${incident.reason}`),
      ),
    ].filter((part) => part.lines.length > 0),
  };
}

function recovery(answer: DoraAnswer, year: ReportYear) {
  const restore = answer.timeToRestore;
  const longest = [...restore.items].sort((a, b) => b.restoreMs - a.restoreMs);
  const slowest = [...restore.recoveries].sort((a, b) => b.recoveryMs - a.recoveryMs);
  const summary = (label: string, value: number | null, p90: number | null) =>
    value === null
      ? []
      : [{ title: label, value: `${formatDuration(value)} median, p90 ${formatDuration(p90 ?? value)}` }];
  return {
    title: year === 2021 ? 'Time to restore' : 'Failed deployment recovery',
    summary: `Time to restore: each incident triggered in the range and resolved, triggered → resolved (a reopened one adds its reopened spell). Failed deployment recovery: from a failed deployment to the fix (the incident resolved, or the next successful deployment). ${restore.stillOpen} still open, left out.`,
    facts: [
      ...summary('Time to restore', restore.mttr.p50, restore.mttr.p90),
      ...summary(
        'Failed deployment recovery',
        restore.failedDeploymentRecovery.p50,
        restore.failedDeploymentRecovery.p90,
      ),
      { title: 'Still open / reopened', value: `${restore.stillOpen} / ${restore.reopened}` },
      ...(restore.band ? bandFact(restore.band) : []),
    ],
    sections: [
      section(
        'Longest incidents',
        longest.map(
          (item) =>
            `${item.incidentId} · ${formatDuration(item.restoreMs)}${item.reopened ? ' · reopened' : ''}`,
        ),
      ),
      section(
        'Slowest recoveries',
        slowest.map((r) => `${r.deploymentKey} → ${r.recoveredBy} · ${formatDuration(r.recoveryMs)}`),
      ),
    ].filter((part) => part.lines.length > 0),
  };
}

function reworkRate(answer: DoraAnswer) {
  const rework = answer.reworkRate;
  return {
    title: 'Deployment rework rate',
    summary: `${rework.rework} of ${plural(rework.deployments, 'deployment')} were unplanned fixes: a rollback, a revert, a hotfix, or one within the window after an incident of the same repository. DORA publishes no band for it.`,
    facts: [{ title: 'Rate', value: rework.rate === null ? 'no deployments' : formatShare(rework.rate) }],
    sections: [
      section(
        'Rework deployments',
        rework.items.map((item) => `${item.deploymentKey} · ${item.reasons.join(', ')}`),
      ),
    ].filter((part) => part.lines.length > 0),
  };
}

const bandFact = (band: { band: string; published: string; year: number; basis: string }) => [
  {
    title: `DORA ${band.year} band`,
    value: `${band.band} (“${band.published}”${band.basis === 'nearest' ? ', nearest published value' : ''})`,
  },
];

/** "Why this number?": the exact answer's basis for one figure, the items behind it and the outliers' chains. */
export function buildDoraWhy(
  answer: DoraAnswer,
  figure: DoraFigure,
  year: ReportYear,
  scopeLabel: string,
  action: DoraActionPayload,
): DoraWhyView {
  const parts =
    figure === 'deployment-frequency'
      ? deploymentFrequency(answer)
      : figure === 'lead-time'
        ? leadTime(answer)
        : figure === 'change-fail-rate'
          ? changeFailureRate(answer)
          : figure === 'recovery'
            ? recovery(answer, year)
            : reworkRate(answer);
  return {
    kind: 'dora-why',
    figure,
    scopeLabel,
    rangeLabel: action.label,
    ...parts,
    action: { scope: action.scope, from: action.from, to: action.to, label: action.label },
  };
}
