// Runs every compiled test file (out/test/**/*.test.js, except the real-editor suite, which has
// its own launchers) with node's test runner. Expects `npm run build` and `tsc` to have run.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = 'out/test';
if (!existsSync(root)) {
  console.error('test/run.mjs: out/test is missing: run `npm test` (it compiles the tests first).');
  process.exit(2);
}
const only = process.argv.slice(2);
const files = [];
(function collect(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'editor') collect(path);
    } else if (name.endsWith('.test.js') && (only.length === 0 || only.some((o) => path.includes(o)))) {
      files.push(path);
    }
  }
})(root);
if (files.length === 0) {
  console.error('test/run.mjs: no test files found under out/test');
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
