import type { Context } from 'mocha';

let passed = 0;
let failed = 0;
let pending = 0;

/** Root hooks: count outcomes for the closing line. */
export const mochaHooks = {
  afterEach(this: Context) {
    const state = this.currentTest?.state;
    if (state === 'passed') passed += 1;
    else if (state === 'failed') failed += 1;
    else pending += 1;
  },
};

/** A plain `N passed, N failed` line that any CI can read, after mocha's own report. */
export function mochaGlobalTeardown(): void {
  process.stdout.write(
    `\nmocha: ${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}\n`,
  );
}
