/** One area's part of the OpenAPI document: its paths and the component schemas they reference. */
export interface OpenApiFragment {
  paths: Record<string, unknown>;
  schemas: Record<string, unknown>;
}

/** A `$ref` to a component schema. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The error answer every route shares (bot/http/error-handler.ts). */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
