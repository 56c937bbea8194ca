import { DORA_METRICS } from '../../../handlers/metrics/build-metric-answer.ts';
import { errorResponse, ref, type OpenApiFragment } from './openapi-fragment.ts';

const nullableNumber = { type: ['number', 'null'] };
const count = { type: 'integer', minimum: 0 };
const counts = (...names: string[]) => ({
  type: 'object',
  required: names,
  additionalProperties: false,
  properties: Object.fromEntries(names.map((name) => [name, count])),
});
const percentiles = (...names: string[]) => ({
  type: 'object',
  required: names,
  additionalProperties: false,
  properties: Object.fromEntries(names.map((name) => [name, { ...nullableNumber, minimum: 0 }])),
});

/** The common shape of every metric answer; `unit`, `percentiles`, `counts` and `related` vary per metric. */
function metricAnswer(metric: string, parts: Record<string, unknown>, description: string) {
  return {
    type: 'object',
    description,
    required: ['metric', 'scope', 'range', 'figure', 'unit', 'percentiles', 'band', 'coverage', 'counts'],
    additionalProperties: false,
    properties: {
      metric: { const: metric },
      scope: ref('MetricsScope'),
      range: ref('TimeRange'),
      figure: nullableNumber,
      band: { oneOf: [ref('DoraBand'), { type: 'null' }] },
      coverage: ref('Coverage'),
      ...parts,
    },
  };
}

const SCHEMAS = {
  MetricsScope: {
    description: 'What the figures are about; a team is a standup’s name. Never a person.',
    oneOf: [
      {
        type: 'object',
        required: ['kind'],
        additionalProperties: false,
        properties: { kind: { const: 'tenant' } },
      },
      {
        type: 'object',
        required: ['kind', 'team'],
        additionalProperties: false,
        properties: { kind: { const: 'team' }, team: { type: 'string' } },
      },
      {
        type: 'object',
        required: ['kind', 'repo'],
        additionalProperties: false,
        properties: { kind: { const: 'repo' }, repo: { type: 'string', pattern: '^[^/]+/[^/]+$' } },
      },
      {
        type: 'object',
        required: ['kind', 'service'],
        additionalProperties: false,
        properties: { kind: { const: 'service' }, service: { type: 'string' } },
      },
    ],
  },
  TimeRange: {
    type: 'object',
    description: '`from` inclusive, `to` exclusive.',
    required: ['from', 'to'],
    additionalProperties: false,
    properties: {
      from: { type: 'string', format: 'date-time' },
      to: { type: 'string', format: 'date-time' },
    },
  },
  Coverage: {
    type: 'object',
    description:
      'How many of the items behind the figure are linked (PRs to a deployment, incidents to one).',
    required: ['linked', 'total', 'share'],
    additionalProperties: false,
    properties: { linked: count, total: count, share: { type: ['number', 'null'], minimum: 0, maximum: 1 } },
  },
  DoraBand: {
    type: 'object',
    description:
      'DORA’s published band for the figure (docs/metrics.md, Bands), with the step to the next one.',
    required: ['band', 'year', 'published', 'source', 'basis'],
    additionalProperties: false,
    properties: {
      band: { enum: ['elite', 'high', 'medium', 'low'] },
      year: { enum: [2021, 2023, 2024] },
      published: { type: 'string' },
      source: { type: 'string' },
      basis: { enum: ['threshold', 'nearest'] },
      next: {
        type: 'object',
        required: ['band', 'published', 'by', 'unit'],
        additionalProperties: false,
        properties: {
          band: { enum: ['elite', 'high', 'medium', 'low'] },
          published: { type: 'string' },
          by: { type: 'number', minimum: 0 },
          unit: { enum: ['hours', 'deployment_days_per_week', 'ratio'] },
        },
      },
    },
  },
  LeadTimeAnswer: metricAnswer(
    'lead-time',
    {
      unit: { const: 'hours' },
      percentiles: percentiles('p50', 'p75', 'p90'),
      counts: counts(
        'linkedPullRequests',
        'unlinkedPullRequests',
        'leftOutBeforeFirstDeployment',
        'leftOutBeforeCommitCutoff',
      ),
    },
    'Lead time for changes: first commit → production, median (`figure`) and percentiles in hours.',
  ),
  DeploymentFrequencyAnswer: metricAnswer(
    'deployment-frequency',
    {
      unit: { const: 'deployments_per_week' },
      percentiles: { type: 'null' },
      counts: counts('deployments', 'deploymentDays'),
      related: percentiles('deploymentDaysPerWeek'),
    },
    'Deployments per week; the band reads deployment days per week (`related`).',
  ),
  ChangeFailRateAnswer: metricAnswer(
    'change-fail-rate',
    {
      unit: { const: 'ratio' },
      figure: { type: ['number', 'null'], minimum: 0, maximum: 1 },
      percentiles: { type: 'null' },
      counts: counts('deployments', 'failedDeployments', 'incidents', 'attributedIncidents'),
    },
    'Failed deployments ÷ deployments; coverage is incidents attributed to a deployment.',
  ),
  MttrAnswer: metricAnswer(
    'mttr',
    {
      unit: { const: 'hours' },
      percentiles: percentiles('p50', 'p90'),
      counts: counts('incidents', 'openIncidents', 'reopenedIncidents'),
      related: percentiles('failedDeploymentRecoveryP50', 'failedDeploymentRecoveryP90'),
    },
    'Time to restore (incident triggered → resolved), hours; the band reads failed deployment recovery (2023, 2024) or time to restore (2021).',
  ),
  ReworkRateAnswer: metricAnswer(
    'rework-rate',
    {
      unit: { const: 'ratio' },
      figure: { type: ['number', 'null'], minimum: 0, maximum: 1 },
      percentiles: { type: 'null' },
      counts: counts('deployments', 'reworkDeployments'),
    },
    'Deployments that were unplanned fixes ÷ deployments. DORA publishes no band.',
  ),
};

const ANSWER_OF: Record<(typeof DORA_METRICS)[number], string> = {
  'lead-time': 'LeadTimeAnswer',
  'deployment-frequency': 'DeploymentFrequencyAnswer',
  'change-fail-rate': 'ChangeFailRateAnswer',
  mttr: 'MttrAnswer',
  'rework-rate': 'ReworkRateAnswer',
};

const PARAMETERS = [
  {
    name: 'from',
    in: 'query',
    description:
      'Start, inclusive: an ISO 8601 date (midnight UTC) or date-time with a zone. Default: 30 days before `to`.',
    schema: { type: 'string' },
  },
  {
    name: 'to',
    in: 'query',
    description: 'End, exclusive, as `from`. Default: the end of today (UTC). At most 731 days after `from`.',
    schema: { type: 'string' },
  },
  {
    name: 'team',
    in: 'query',
    description: 'A team: a standup’s name (any case).',
    schema: { type: 'string' },
  },
  { name: 'repo', in: 'query', description: 'A repository, `owner/name`.', schema: { type: 'string' } },
  {
    name: 'service',
    in: 'query',
    description: 'A service of the services map, or by name.',
    schema: { type: 'string' },
  },
];

/** `GET /v1/metrics/dora/{metric}`, one path per metric so each answer has its own schema. */
export const DORA_PATHS: OpenApiFragment = {
  schemas: SCHEMAS,
  paths: Object.fromEntries(
    DORA_METRICS.map((metric) => [
      `/v1/metrics/dora/${metric}`,
      {
        get: {
          operationId: `getDora${ANSWER_OF[metric].replace(/Answer$/, '')}`,
          summary: `DORA ${metric} for the token's tenant, from the stored daily rollups`,
          tags: ['metrics'],
          parameters: PARAMETERS,
          responses: {
            '200': {
              description: 'The figure',
              content: { 'application/json': { schema: ref(ANSWER_OF[metric]) } },
            },
            '400': errorResponse('A malformed range or filter, or more than one of team, repo and service'),
            '401': errorResponse('No API token, or one not valid'),
            '404': errorResponse('An unknown team'),
            '503': errorResponse('Delivery metrics are not set up on this server'),
          },
        },
      },
    ]),
  ),
};
