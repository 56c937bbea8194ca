import { createHash } from 'node:crypto';
import type { JsonValue } from './types.ts';

/** A value that has no JSON form, or no stable one. `path` says where, e.g. `payload.items[2]`. */
export class NotJsonError extends TypeError {
  override name = 'NotJsonError';
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'object' || value === null) return `a ${typeof value}`;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor
    ?.name;
  return name ? `a ${name}` : 'an object of unknown kind';
}

function keyPath(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function quote(text: string, path: string): string {
  // BSON stores strings as UTF-8, which cannot hold a lone surrogate: it would come back changed.
  if (!text.isWellFormed()) throw new NotJsonError(`${path}: the string is not well-formed Unicode`);
  return JSON.stringify(text);
}

function write(value: unknown, key: string, path: string, seen: Set<object>): string | undefined {
  // Before toJSON: a library may give every Map or Set one (vega-lite patches Set.prototype.toJSON on import).
  if (value instanceof Map || value instanceof Set) {
    throw new NotJsonError(`${path}: ${describe(value)} is not a plain object`);
  }
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  }
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new NotJsonError(`${path}: ${describe(value)} is not a JSON number`);
      return JSON.stringify(value);
    case 'string':
      return quote(value, path);
    case 'object':
      break;
    default:
      throw new NotJsonError(`${path}: ${describe(value)} has no JSON form`);
  }
  if (value === null) return 'null';
  if (seen.has(value)) throw new NotJsonError(`${path}: the value refers to itself (a cycle)`);
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map(
        (item, index) => write(item, String(index), `${path}[${index}]`, seen) ?? 'null',
      );
      return `[${items.join(',')}]`;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) {
      throw new NotJsonError(`${path}: ${describe(value)} is not a plain object`);
    }
    const members: string[] = [];
    // Sorted by UTF-16 code units, as RFC 8785 (JSON Canonicalization Scheme) sorts them.
    for (const name of Object.keys(value).sort()) {
      const member = write((value as Record<string, unknown>)[name], name, keyPath(path, name), seen);
      if (member !== undefined) members.push(`${quote(name, keyPath(path, name))}:${member}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    seen.delete(value);
  }
}

/**
 * The canonical JSON text of a value: object keys sorted, no whitespace, numbers and strings as
 * JSON.stringify writes them. For JSON values this is RFC 8785 (JCS). Equal data gives equal text, whatever
 * the key order, so it can be hashed. Follows JSON.stringify (toJSON, undefined members dropped, undefined
 * array items as null) but refuses what JSON.stringify would silently change: NaN and Infinity, Maps, Sets
 * and other class instances, lone surrogates; and bigints, functions, symbols and cycles.
 */
export function canonicalJson(value: unknown, path = 'value'): string {
  const text = write(value, '', path, new Set());
  if (text === undefined) throw new NotJsonError(`${path}: undefined has no JSON form`);
  return text;
}

/** The value as it will read back from JSON: a plain copy with sorted keys. Throws what canonicalJson throws. */
export function toJsonValue(value: unknown, path = 'value'): JsonValue {
  return JSON.parse(canonicalJson(value, path)) as JsonValue;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
