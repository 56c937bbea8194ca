import { DORA_PATHS } from './dora-paths.ts';
import type { OpenApiFragment } from './openapi-fragment.ts';

/** Every area's paths, in the order they appear. Add an area's fragment here (flow, sprint, …). */
export const OPENAPI_FRAGMENTS: readonly OpenApiFragment[] = [DORA_PATHS];

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  additionalProperties: false,
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      additionalProperties: false,
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
};

/** The OpenAPI 3.1 document served at /v1/openapi.json, assembled from the fragments. */
export function buildOpenApiDocument(fragments: readonly OpenApiFragment[] = OPENAPI_FRAGMENTS) {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = { Error: ERROR_SCHEMA };
  for (const fragment of fragments) {
    for (const [path, item] of Object.entries(fragment.paths)) {
      if (path in paths) throw new Error(`OpenAPI path ${path} is defined twice`);
      paths[path] = item;
    }
    for (const [name, schema] of Object.entries(fragment.schemas)) {
      if (name in schemas) throw new Error(`OpenAPI schema ${name} is defined twice`);
      schemas[name] = schema;
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'em-agent REST API',
      version: '1',
      description:
        'Tenant-scoped: every route but this document needs `Authorization: Bearer <API token>` and answers for that token’s tenant.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An em-agent API token' },
      },
    },
  };
}
