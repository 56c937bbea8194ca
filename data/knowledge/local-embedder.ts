import { createHash } from 'node:crypto';
import { tokenize } from '../../handlers/ask/tokenize.ts';
import type { Embedder } from './embedder.ts';

export const LOCAL_EMBEDDING_DIMENSIONS = 768;

/** 32-bit FNV-1a: fast, stable across runs and machines, good enough spread for feature hashing. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A vector that needs no model download: feature-hashed term frequencies of stemmed words, word bigrams
 * and character trigrams (which catch spelling variants and compound words), log-scaled and L2-normalised.
 * It matches on shared vocabulary, not meaning: "restart the pod" finds "restarting pods" but not
 * "bounce the container". README "Doc answers" says so.
 */
export function embedLocally(text: string, dimensions = LOCAL_EMBEDDING_DIMENSIONS): number[] {
  const vector = new Float64Array(dimensions);
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    // The top bit picks a sign, so collisions cancel out on average instead of piling up.
    vector[hash % dimensions]! += hash & 0x80000000 ? -weight : weight;
  };
  const words = tokenize(text);
  const counts = new Map<string, number>();
  const bump = (feature: string) => counts.set(feature, (counts.get(feature) ?? 0) + 1);
  words.forEach((word, index) => {
    bump(`w:${word}`);
    if (index > 0) bump(`b:${words[index - 1]} ${word}`);
    const padded = `^${word}$`;
    for (let at = 0; at + 3 <= padded.length; at += 1) bump(`c:${padded.slice(at, at + 3)}`);
  });
  for (const [feature, count] of counts) {
    const weight = feature.startsWith('c:') ? 0.35 : feature.startsWith('b:') ? 0.7 : 1;
    add(feature, weight * (1 + Math.log(count)));
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  return Array.from(vector, (value) => value / norm);
}

export function createLocalEmbedder(dimensions = LOCAL_EMBEDDING_DIMENSIONS): Embedder {
  return {
    id: `local-hash-${dimensions}`,
    async embed(texts) {
      return texts.map((text) => embedLocally(text, dimensions));
    },
  };
}

/** A stable short digest, used for content hashes and collection names. */
export function digest(text: string, length = 16): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
