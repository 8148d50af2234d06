#!/usr/bin/env node
// `npm run test:editor`: the real-editor checks in one go, one after the other (2 cores):
//   1. code-server, every test, extension from the repo (development path)
//   2. code-server, smoke subset, extension installed from the packaged VSIX
//   3. Neovim as a second LSP client of dist/server.js (diagnostics and hover)
//   4. code-server, the README's pictures (`npm run screenshots`), into test-output/editor/pictures
// Expects `npm run package` (build + VSIX) and `tsc -p tsconfig.json` to have run (the npm
// script does both). Exits non-zero if any of them fails.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { defaultVsixPath } from './check-vsix.mjs';
import { editorDir, outputDir, summarize } from './launch-common.mjs';

const runs = [
  { label: 'code-server-dev', args: [join(editorDir, 'run-code-server.mjs')] },
  { label: 'code-server-vsix', args: [join(editorDir, 'run-code-server.mjs'), '--vsix', defaultVsixPath()] },
  { label: 'neovim', args: [join(editorDir, 'run-neovim.mjs'), '--hover'] },
  { label: 'code-server-pictures', args: [join(editorDir, 'run-code-server.mjs'), '--screenshots', join(outputDir, 'pictures')] },
];

function run({ args }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => resolve({ code, lines: output.split('\n') }));
  });
}

const started = Date.now();
let passed = 0;
let failed = 0;
const results = [];
for (const launcher of runs) {
  const runStarted = Date.now();
  const { code, lines } = await run(launcher);
  const summary = summarize(lines.map((l) => l.replace(/^[\w-]+: (?=\d+ passed)/, '')));
  const launcherFailed = code !== 0 ? Math.max(summary.failed, 1) : summary.failed;
  passed += summary.passed;
  failed += launcherFailed;
  results.push(`${launcher.label}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${((Date.now() - runStarted) / 1000).toFixed(1)} s`);
}
console.log('\nreal-editor checks:');
for (const line of results) console.log(`  ${line}`);
console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`editor: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => r.includes('FAILED')) ? 1 : 0);
