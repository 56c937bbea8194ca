import assert from 'node:assert/strict';
import {
  canonicalJson,
  NotJsonError,
  sha256Hex,
  toJsonValue,
} from '../../../handlers/audit/canonical-json.ts';

function refuses(value: unknown, message: RegExp): void {
  assert.throws(
    () => canonicalJson(value, 'payload'),
    (error: Error) => {
      assert.ok(error instanceof NotJsonError, `expected a NotJsonError, got ${String(error)}`);
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    const value = { b: 1, a: { d: [{ z: 1, y: 2 }], c: null }, 'a b': true };
    assert.equal(canonicalJson(value), '{"a":{"c":null,"d":[{"y":2,"z":1}]},"a b":true,"b":1}');
  });

  it('gives the same text, and so the same sha256, whatever the key order', () => {
    const one = { actor: 'slack:U1', payload: { branch: 'main', pr: 42 }, verb: 'pr.merge' };
    const two = { verb: 'pr.merge', payload: { pr: 42, branch: 'main' }, actor: 'slack:U1' };
    assert.equal(canonicalJson(one), canonicalJson(two));
    assert.equal(sha256Hex(canonicalJson(one)), sha256Hex(canonicalJson(two)));
    assert.notEqual(canonicalJson(one), canonicalJson({ ...two, payload: { pr: 43, branch: 'main' } }));
  });

  it('orders keys by UTF-16 code units as RFC 8785 does (its section 3.2.3 example)', () => {
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\ud83d\ude00', '\u0080', '\u00f6'];
    const value = Object.fromEntries(keys.map((key, index) => [key, index]));
    // (Compared as text: Object.keys would list the integer-like key "1" first whatever the order.)
    const sorted = ['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33'];
    const expected = `{${sorted.map((key) => `${JSON.stringify(key)}:${keys.indexOf(key)}`).join(',')}}`;
    assert.equal(canonicalJson(value), expected);
  });

  it('writes numbers and strings as JSON.stringify (and RFC 8785) do', () => {
    assert.equal(
      canonicalJson([1e21, 1.5, -0, 0.1, 1e-7, 2 ** 53, 'é\n"\u2028', '\u0000']),
      '[1e+21,1.5,0,0.1,1e-7,9007199254740992,"é\\n\\"\u2028","\\u0000"]',
    );
  });

  it('follows JSON.stringify for toJSON, undefined members and undefined array items', () => {
    const when = new Date('2025-01-31T09:30:00.000Z');
    assert.equal(
      canonicalJson({ when, gone: undefined, list: [undefined, 1] }),
      '{"list":[null,1],"when":"2025-01-31T09:30:00.000Z"}',
    );
  });

  it('refuses a Set or Map even when a library gave it a toJSON (vega-lite patches Set.prototype)', () => {
    const prototype = Set.prototype as { toJSON?: () => string };
    const before = Object.getOwnPropertyDescriptor(prototype, 'toJSON');
    prototype.toJSON = () => 'Set(...)';
    try {
      refuses({ s: new Set([1]) }, /^payload\.s: a Set is not a plain object$/);
    } finally {
      if (before) Object.defineProperty(prototype, 'toJSON', before);
      else delete prototype.toJSON;
    }
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { id: 1 };
    assert.equal(canonicalJson({ a: shared, b: [shared] }), '{"a":{"id":1},"b":[{"id":1}]}');
  });

  it('refuses what JSON would silently change or cannot write, naming where it is', () => {
    refuses({ items: [1, Number.NaN] }, /^payload\.items\[1\]: NaN is not a JSON number$/);
    refuses({ x: Infinity }, /^payload\.x: Infinity/);
    refuses({ n: 10n }, /^payload\.n: a bigint has no JSON form$/);
    refuses({ f: () => 1 }, /^payload\.f: a function/);
    refuses({ s: Symbol('s') }, /^payload\.s: a symbol/);
    refuses({ m: new Map([['a', 1]]) }, /^payload\.m: a Map is not a plain object$/);
    refuses({ s: new Set([1]) }, /^payload\.s: a Set is not a plain object$/);
    refuses({ c: new (class Point {})() }, /^payload\.c: a Point is not a plain object$/);
    refuses({ text: 'half \ud83d' }, /^payload\.text: the string is not well-formed Unicode$/);
    refuses({ ['\udc00']: 1 }, /not well-formed Unicode/);
    refuses({ ['odd key']: { deep: Number.NaN } }, /^payload\["odd key"\]\.deep: NaN/);
    refuses(undefined, /^payload: undefined has no JSON form$/);
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = { back: cycle };
    refuses(cycle, /^payload\.self\.back: the value refers to itself/);
  });

  it('toJsonValue returns a plain copy with sorted keys that reads back equal', () => {
    const input = { z: [1, { y: 'x', b: {} }], a: new Date(0), skip: undefined };
    const value = toJsonValue(input);
    assert.deepEqual(value, { a: '1970-01-01T00:00:00.000Z', z: [1, { b: {}, y: 'x' }] });
    assert.deepEqual(Object.keys(value as object), ['a', 'z']);
    assert.notEqual(value, input);
  });

  it('sha256Hex matches the FIPS 180-2 test vector', () => {
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
