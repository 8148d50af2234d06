#!/usr/bin/env node
// Launcher for machines with internet (or a VS Code already installed): runs the editor suite
// in VS Code desktop through @vscode/test-electron. The offline route is run-code-server.mjs.
//
//   node test/editor/run-electron.mjs                   every test, extension from the repo
//   node test/editor/run-electron.mjs --vsix F.vsix     smoke subset, extension installed from F
//   options: --version 1.91.0|stable|insiders (default: $VSCODE_VERSION or stable), --keep
//   VSCODE_EXECUTABLE=/path/to/code  use that VS Code instead of downloading one
//
// Downloads go to .cache/vscode-test. On Linux without a display run it under `xvfb-run -a`.
// Needs `npm run build` and `npx tsc -p tsconfig.json`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { compiledSuiteDir, makeRunDir, repoRoot, requireFiles, summarize } from './launch-common.mjs';

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string' },
    version: { type: 'string', default: process.env.VSCODE_VERSION ?? 'stable' },
    keep: { type: 'boolean', default: false },
  },
});
const mode = options.vsix ? 'vsix' : 'dev';
const label = `electron-${mode}`;
const started = Date.now();
const testsPath = join(compiledSuiteDir, mode === 'vsix' ? 'smoke.js' : 'index.js');
requireFiles([testsPath], 'run `npx tsc -p tsconfig.json` first');
if (mode === 'dev') requireFiles([join(repoRoot, 'dist/client.js')], 'run `npm run build` first');
if (mode === 'vsix') requireFiles([resolve(options.vsix)], 'run `npm run package` first');

const { dir: runDir, workspace } = makeRunDir('vpce-electron');
const userDataDir = join(runDir, 'user-data');
const extensionsDir = join(runDir, 'extensions');
const reportFile = join(runDir, 'report.txt');
mkdirSync(join(userDataDir, 'User'), { recursive: true });
mkdirSync(extensionsDir);
writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  // Tests edit fixtures without saving and revert them afterwards; an auto-save in between
  // would write the edit to disk and leak it into the next test.
  'files.autoSave': 'off',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
}, null, 2));

let reason;
let vscodeFound = false;
try {
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE ||
    await downloadAndUnzipVSCode({ version: options.version, cachePath: join(repoRoot, '.cache/vscode-test') });
  const profileArgs = [`--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`];

  let extensionDevelopmentPath = repoRoot;
  // Only the extension under test runs: in development mode every installed extension is off.
  let isolationArgs = ['--disable-extensions'];
  if (mode === 'vsix') {
    // The installed extension is under test; the development path is an empty host that the
    // workbench needs to run extension tests at all.
    extensionDevelopmentPath = join(runDir, 'test-host');
    mkdirSync(extensionDevelopmentPath);
    writeFileSync(join(extensionDevelopmentPath, 'package.json'), JSON.stringify({
      name: 'editor-test-host', publisher: 'vpce-lens-tests', version: '0.0.0', engines: { vscode: '*' },
    }));
    const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(vscodeExecutablePath);
    const install = spawnSync(cli, [...cliArgs, ...profileArgs, '--install-extension', resolve(options.vsix)],
      { encoding: 'utf8', timeout: 120_000 });
    if (install.status !== 0) throw new Error(`--install-extension failed:\n${install.stdout}\n${install.stderr}`);
    isolationArgs = [];
  }
  vscodeFound = true;
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath,
    extensionTestsPath: testsPath,
    extensionTestsEnv: { VPCE_EDITOR_REPORT: reportFile },
    launchArgs: [workspace, ...profileArgs, ...isolationArgs],
  });
} catch (error) {
  reason = error instanceof Error ? error.message : String(error);
}

let lines = [];
try {
  lines = readFileSync(reportFile, 'utf8').split('\n').filter(Boolean);
} catch {
  // the suite never started
}
if (!options.keep) rmSync(runDir, { recursive: true, force: true });
else console.log(`${label}: kept ${runDir}`);

let { passed, failed, complete } = summarize(lines);
if (!reason && !complete) reason = 'the suite printed no closing "N passed, N failed" line';
if (reason) {
  console.log(`${label}: FAILED: ${reason}`);
  if (!vscodeFound) console.log(`${label}: no VS Code to run (offline? set VSCODE_EXECUTABLE, or use run-code-server.mjs)`);
  if (!complete || failed === 0) failed += 1;
}
console.log(`${label}: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${label}: ${passed} passed, ${failed} failed`);
process.exit(reason || failed > 0 ? 1 : 0);
