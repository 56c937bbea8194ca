/**
 * Checks a value against the part of JSON Schema 2020-12 our OpenAPI paths use: `type` (one or a list, `null`
 * included), `enum`, `required`, `properties`, `additionalProperties: false`, `items`, `minimum`, `maximum`,
 * `pattern`, and the `date` / `date-time` formats. Anything else in a schema is a problem too, so a schema never
 * passes by using a keyword this checker ignores.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  'type',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'items',
  'minimum',
  'maximum',
  'pattern',
  'format',
  'description',
  'examples',
]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function schemaProblems(schema: Schema, value: unknown, at = '$'): string[] {
  const problems: string[] = [];
  for (const keyword of Object.keys(schema))
    if (!KNOWN.has(keyword)) problems.push(`${at}: unsupported keyword ${keyword}`);
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
      return [...problems, `${at}: ${actual} is not ${types.join(' or ')}`];
    }
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    problems.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      problems.push(`${at}: below ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      problems.push(`${at}: above ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
      problems.push(`${at}: does not match ${schema.pattern}`);
    if (schema.format === 'date' && !DATE.test(value)) problems.push(`${at}: not a date`);
    if (schema.format === 'date-time' && !DATE_TIME.test(value)) problems.push(`${at}: not a date-time`);
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[])
      if (!(name in object)) problems.push(`${at}: missing ${name}`);
    for (const [name, field] of Object.entries(object)) {
      if (properties[name]) problems.push(...schemaProblems(properties[name], field, `${at}.${name}`));
      else if (schema.additionalProperties === false) problems.push(`${at}: unexpected ${name}`);
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((entry, index) =>
      problems.push(...schemaProblems(schema.items as Schema, entry, `${at}[${index}]`)),
    );
  }
  return problems;
}
