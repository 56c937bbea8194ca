import { FLOW_FIGURES } from '../../../handlers/flow/flow-view.ts';

const rangeAndScope = [
  {
    name: 'from',
    in: 'query',
    description: 'Start, ISO 8601 (date or date-time); default `to` minus 14 days.',
    schema: { type: 'string' },
  },
  {
    name: 'to',
    in: 'query',
    description: 'End, exclusive, ISO 8601; default now. At most 366 days after `from`.',
    schema: { type: 'string' },
  },
  {
    name: 'repo',
    in: 'query',
    description: 'Only this repository (`owner/name`).',
    schema: { type: 'string', pattern: '^[\\w.-]+/[\\w.-]+$' },
  },
  {
    name: 'team',
    in: 'query',
    description: "Only this team's people (a standup's name). Not with `repo`.",
    schema: { type: 'string' },
  },
] as const;

const figure = {
  type: 'object',
  required: ['figure', 'unit', 'value', 'counts'],
  properties: {
    figure: { type: 'string', enum: [...FLOW_FIGURES] },
    unit: { type: 'string', enum: ['ms', 'lines', 'items', 'ratio'] },
    value: { type: ['number', 'null'], description: 'Durations: the median (p50), in milliseconds.' },
    percentiles: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
    counts: { type: 'object', additionalProperties: { type: 'number' } },
  },
} as const;

const meta = {
  from: { type: 'string', format: 'date-time' },
  to: { type: 'string', format: 'date-time' },
  scope: { type: 'object' },
  ageMode: { type: 'string', enum: ['calendar', 'working'] },
  truncated: {
    type: 'boolean',
    description: 'More facts matched than one answer reads; the oldest were left out.',
  },
} as const;

const errors = {
  '400': { description: 'A bad query parameter: the message says which.' },
  '401': { description: 'No or an unknown API token.' },
  '404': { description: 'An unknown figure, repository or team.' },
} as const;

/** The flow routes of the REST API (bot/http/flow-routes.ts), as an OpenAPI 3.1 paths object. */
export const FLOW_PATHS = {
  '/v1/metrics/flow': {
    get: {
      summary: 'Every flow figure of a range, team-level',
      description:
        "PR cycle phases, review turnaround, PR size, WIP, aging WIP, flow efficiency and throughput for the token's tenant. No figure is any one person's.",
      security: [{ bearerAuth: [] }],
      parameters: rangeAndScope,
      responses: {
        '200': {
          description: 'The figures.',
          content: {
            'application/json': {
              schema: { type: 'object', properties: { ...meta, figures: { type: 'array', items: figure } } },
            },
          },
        },
        ...errors,
      },
    },
  },
  '/v1/metrics/flow/{figure}': {
    get: {
      summary: 'One flow figure of a range',
      security: [{ bearerAuth: [] }],
      parameters: [
        { name: 'figure', in: 'path', required: true, schema: { type: 'string', enum: [...FLOW_FIGURES] } },
        ...rangeAndScope,
      ],
      responses: {
        '200': {
          description: 'The figure.',
          content: {
            'application/json': { schema: { allOf: [figure, { type: 'object', properties: meta }] } },
          },
        },
        ...errors,
      },
    },
  },
} as const;
