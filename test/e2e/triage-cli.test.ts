import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/run-cli.ts';

const SMALL = path.resolve('test/fixtures/triage/small-review-history.jsonl');

async function cli(args: string[]) {
  const run = runCli(args, {});
  const code = await run.exited;
  return { code, stdout: run.stdout.join('\n'), stderr: run.stderr.join('\n') };
}

describe('em-agent triage eval-reviewers (the process)', function () {
  // Each case starts the CLI process (2–9 s apiece on the shared 2-core machine); one case starts three.
  this.timeout(120_000);
  let folder: string;
  before(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'eval-reviewers-'));
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('prints top-1, top-3 and MRR for the suggester beside both baselines', async () => {
    const run = await cli(['triage', 'eval-reviewers', SMALL, '--warmup', '0']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /6 changes in time order, the first 0 \(0%\) only learned from/);
    assert.match(run.stdout, /everyone counts as available, with no open reviews/);
    assert.match(run.stdout, /All ranked changes \(6 ranked\)/);
    assert.match(run.stdout, /Most frequent reviewer\s+0\.167\s+0\.333\s+0\.222/);
    assert.match(run.stdout, /Path similarity \(RevFinder-style\)\s+0\.333\s+0\.333\s+0\.333/);
    assert.match(run.stdout, /em-agent suggester\s+0\.500\s+0\.500\s+0\.500/);
    assert.doesNotMatch(run.stdout, /hold-out/i);
  });

  it('reports the hold-out on its own when asked', async () => {
    const run = await cli(['triage', 'eval-reviewers', SMALL, '--warmup', '0.5', '--holdout', '0.34']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Before the hold-out \(changes 4 to 4\) \(1 ranked\)/);
    assert.match(
      run.stdout,
      /Hold-out \(changes 5 to 6\) \(2 ranked\)\n.*\nMost frequent reviewer\s+0\.000\s+0\.500\s+0\.167/,
    );
  });

  for (const [what, lines, expected] of [
    [
      'not JSON',
      '{"id":"a","at":"2026-01-01T00:00:00Z","author":"x","files":[],"reviewers":["y"]}\n\n{oops',
      /line 3: not valid JSON/,
    ],
    [
      'a bad date',
      '{"id":"a","at":"yesterday","author":"x","files":[],"reviewers":["y"]}',
      /line 1: "at" must be an ISO 8601 date/,
    ],
    [
      'reviewers not a list',
      '{"id":"a","at":"2026-01-01T00:00:00Z","author":"x","files":["f"],"reviewers":"y"}',
      /line 1: "reviewers" must be a list of people/,
    ],
    ['an array', '[1,2]', /line 1: expected an object/],
  ] as const) {
    it(`names the line of ${what}, without a stack trace`, async () => {
      const file = path.join(folder, 'history.jsonl');
      await writeFile(file, lines);
      const run = await cli(['triage', 'eval-reviewers', file]);
      assert.equal(run.code, 1);
      assert.match(
        run.stderr,
        new RegExp(`^em-agent: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${expected.source}`),
      );
      assert.doesNotMatch(run.stderr, /\n\s+at /);
      assert.equal(run.stdout, '');
    });
  }

  it('says so for a missing file, an empty one and a bad --warmup', async () => {
    const missing = await cli(['triage', 'eval-reviewers', path.join(folder, 'nope.jsonl')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^em-agent: .*nope\.jsonl: no such file$/);
    const empty = path.join(folder, 'empty.jsonl');
    await writeFile(empty, '\n');
    assert.match((await cli(['triage', 'eval-reviewers', empty])).stderr, /empty\.jsonl: no changes in it/);
    const warmup = await cli(['triage', 'eval-reviewers', SMALL, '--warmup', '1.5']);
    assert.equal(warmup.code, 1);
    assert.match(warmup.stderr, /^em-agent: --warmup: expected a fraction from 0 to below 1 \(got "1\.5"\)$/);
  });
});
