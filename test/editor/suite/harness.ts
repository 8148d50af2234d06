// A minimal test runner for the extension host: runs tests in order, each with its own deadline
// and a clean-up, prints one line per test and a closing `N passed, N failed` line.
// (No mocha: the suite has to load from a compiled folder in both launchers with no extra deps.)
import { appendFileSync } from 'node:fs';

export interface EditorTest {
  name: string;
  /** Part of the smoke subset run against the installed VSIX. */
  smoke?: boolean;
  /** Deadline for the whole test; waits inside it have their own, shorter deadlines. */
  timeoutMs?: number;
  run(): Promise<void>;
}

export interface RunOptions {
  /** Runs after every test, passed or failed (e.g. revert and close editors). */
  afterEach?: () => Promise<void>;
}

const DEFAULT_TEST_TIMEOUT_MS = 60_000;

/** Output goes to the extension host's console (both launchers relay it) and, when the
 * launcher names one in VPCE_EDITOR_REPORT, to a file as well. */
export function report(line: string): void {
  console.log(line);
  const file = process.env.VPCE_EDITOR_REPORT;
  if (file) appendFileSync(file, line + '\n');
}

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs the tests; resolves when all pass, rejects (so the editor exits non-zero) otherwise. */
export async function runEditorTests(suiteName: string, tests: readonly EditorTest[], options: RunOptions = {}): Promise<void> {
  report(`vpce-lens editor suite (${suiteName}): ${tests.length} tests`);
  let passed = 0;
  let failed = 0;
  for (const test of tests) {
    const started = Date.now();
    try {
      await withDeadline(test.run(), test.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS, `test "${test.name}"`);
      passed++;
      report(`  PASS ${test.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      report(`  FAIL ${test.name} (${Date.now() - started} ms): ${describeError(error)}`);
    } finally {
      try {
        await options.afterEach?.();
      } catch (error) {
        report(`  (clean-up after "${test.name}" failed: ${describeError(error)})`);
      }
    }
  }
  report(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${tests.length} editor tests failed`);
}
