import { cp, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const FIXTURE_DOCS = path.resolve('test/fixtures/docs');

export interface FixtureQuestion {
  question: string;
  expected: string;
}

/** A private copy of the fixture corpus, so a test may edit and delete files. */
export async function copyFixtureDocs(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'em-agent-docs-'));
  await cp(FIXTURE_DOCS, dir, { recursive: true });
  return dir;
}

export async function fixtureQuestions(): Promise<FixtureQuestion[]> {
  return JSON.parse(
    await readFile(path.resolve('test/fixtures/docs-questions.json'), 'utf8'),
  ) as FixtureQuestion[];
}

export function testChromaUrl(): string {
  const url = process.env.TEST_CHROMA_URL;
  if (!url) throw new Error('TEST_CHROMA_URL is not set: run the tests with `npm test`');
  return url;
}
