/**
 * The OpenAPI 3.1 path of sprint health (`GET /v1/metrics/sprints/{id}`), a plain paths object for the API's
 * assembled document. Its schema is JSON Schema 2020-12 and describes exactly what `sprintHealthJson` returns
 * (test/bot/http/sprint-routes.test.ts checks a real answer against it).
 */

const nullable = (type: string, extra: Record<string, unknown> = {}) => ({ type: [type, 'null'], ...extra });
const dateTime = { type: 'string', format: 'date-time' };

const item = {
  type: 'object',
  required: ['issue_id', 'key', 'summary', 'points'],
  additionalProperties: false,
  properties: {
    issue_id: { type: 'string', description: "Jira's numeric issue id." },
    key: { type: 'string', examples: ['ENG-101'] },
    summary: nullable('string'),
    points: nullable('number', { description: 'Story points at the time the figure is measured.' }),
  },
};

const counted = (description: string) => ({
  type: 'object',
  description,
  required: ['issues', 'points', 'items'],
  additionalProperties: false,
  properties: {
    issues: { type: 'integer', minimum: 0 },
    points: { type: 'number', minimum: 0 },
    items: { type: 'array', items: item },
  },
});

const error = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: error } },
});

export const sprintHealthSchema = {
  type: 'object',
  required: [
    'sprint',
    'as_of',
    'closed',
    'elapsed',
    'unit',
    'verdict',
    'committed',
    'completed',
    'completed_of_committed',
    'added',
    'removed',
    'not_done',
    'carry_over',
    'blocked',
    'burndown',
    'basis',
  ],
  additionalProperties: false,
  properties: {
    sprint: {
      type: 'object',
      required: ['id', 'name', 'state', 'board_id', 'goal', 'start_date', 'end_date', 'complete_date'],
      additionalProperties: false,
      properties: {
        id: { type: 'integer' },
        name: nullable('string'),
        state: { enum: ['future', 'active', 'closed', null] },
        board_id: nullable('integer'),
        goal: nullable('string'),
        start_date: nullable('string', { format: 'date-time' }),
        end_date: nullable('string', { format: 'date-time' }),
        complete_date: nullable('string', { format: 'date-time' }),
      },
    },
    as_of: { ...dateTime, description: 'Measured up to here: the close of a closed sprint, else now.' },
    closed: { type: 'boolean' },
    elapsed: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: "Share of the sprint's working time gone.",
    },
    unit: { enum: ['points', 'issues'], description: 'What the burndown and the verdict count.' },
    verdict: {
      type: 'object',
      required: ['level', 'reasons'],
      additionalProperties: false,
      properties: {
        level: { enum: ['on-track', 'at-risk', 'off-track'] },
        reasons: {
          type: 'array',
          description: 'Worst first, in plain words.',
          items: {
            type: 'object',
            required: ['severity', 'text'],
            additionalProperties: false,
            properties: { severity: { enum: ['ok', 'at-risk', 'off-track'] }, text: { type: 'string' } },
          },
        },
      },
    },
    committed: counted('In the sprint at its start.'),
    completed: counted("In the sprint and done at `as_of` (Jira's sprint report: done at the close)."),
    completed_of_committed: {
      type: 'object',
      required: ['issues', 'points'],
      additionalProperties: false,
      properties: { issues: { type: 'integer', minimum: 0 }, points: { type: 'number', minimum: 0 } },
    },
    added: counted('Not in the sprint at its start, in it at some time after.'),
    removed: counted('In the sprint at some time after its start, not at `as_of`.'),
    not_done: counted('In the sprint at `as_of` and not done.'),
    carry_over: {
      type: 'object',
      required: ['issues', 'items'],
      additionalProperties: false,
      properties: {
        issues: { type: 'integer', minimum: 0 },
        items: {
          type: 'array',
          items: {
            ...item,
            required: [...item.required, 'sprints'],
            properties: {
              ...item.properties,
              sprints: {
                type: 'integer',
                minimum: 1,
                description: 'Earlier sprints of the board it was in.',
              },
            },
          },
        },
      },
    },
    blocked: {
      type: 'array',
      items: {
        ...item,
        required: [...item.required, 'reason', 'since', 'working_days'],
        properties: {
          ...item.properties,
          reason: { enum: ['flagged', 'status'] },
          since: nullable('string', { format: 'date-time' }),
          working_days: nullable('number', { minimum: 0 }),
        },
      },
    },
    burndown: {
      type: 'array',
      items: {
        type: 'object',
        required: ['day', 'at', 'remaining', 'ideal'],
        additionalProperties: false,
        properties: {
          day: { type: 'string', format: 'date' },
          at: dateTime,
          remaining: nullable('number', { description: 'Null on days still to come.' }),
          ideal: { type: 'number' },
        },
      },
    },
    basis: {
      type: 'object',
      required: ['snapshot', 'from_history', 'assumed'],
      additionalProperties: false,
      properties: {
        snapshot: { enum: ['webhook', 'late', 'none'] },
        from_history: { type: 'integer', minimum: 0 },
        assumed: { type: 'integer', minimum: 0 },
      },
    },
  },
} as const;

export const sprintPaths = {
  '/v1/metrics/sprints/{id}': {
    get: {
      operationId: 'getSprintHealth',
      summary: "A sprint's health",
      description:
        "Committed against completed (done at the close, as Jira's sprint report counts), scope added and removed after the start, carry-over, blocked items with their age, the burndown against the ideal line, and a verdict with its reasons. Scoped to the token's tenant.",
      tags: ['metrics'],
      security: [{ bearerAuth: [] }],
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          description: "Jira's numeric sprint id.",
          schema: { type: 'string', pattern: '^[0-9]{1,12}$' },
        },
      ],
      responses: {
        '200': {
          description: 'The sprint health.',
          content: { 'application/json': { schema: sprintHealthSchema } },
        },
        '400': errorResponse('The id is not a number.'),
        '401': errorResponse('No API token, or not a valid one.'),
        '404': errorResponse('No sprint with this id in the tenant.'),
        '409': errorResponse('The sprint has not started.'),
      },
    },
  },
} as const;
