#!/usr/bin/env node
// Neovim as a second LSP client: headless Neovim starts `node dist/server.js --stdio`, opens a
// fixture with a syntax error and checks what the server publishes (neovim/lsp-test.lua).
//
//   node test/editor/run-neovim.mjs [--server dist/server.js] [--hover] [--timeout 120] [--keep]
//   (--hover, or VPCE_NEOVIM_HOVER=1, turns on the hover test once the server has hovers)
//
// Installs Debian's neovim when it is missing. Needs `npm run build` for the default server.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { editorDir, isolatedEnv, makeRunDir, repoRoot, requireFiles, stopProcessGroup, summarize } from './launch-common.mjs';

const { values: options } = parseArgs({
  options: {
    server: { type: 'string', default: join(repoRoot, 'dist/server.js') },
    hover: { type: 'boolean', default: process.env.VPCE_NEOVIM_HOVER === '1' },
    timeout: { type: 'string', default: '120' },
    keep: { type: 'boolean', default: false },
  },
});
const label = 'neovim';
const started = Date.now();
const server = resolve(options.server);
requireFiles([server], 'run `npm run build` first');

if (spawnSync('sh', ['-c', 'command -v nvim'], { stdio: 'ignore' }).status !== 0) {
  console.log(`${label}: installing Debian's neovim`);
  execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
}

const { dir: runDir, workspace } = makeRunDir('vpce-neovim');
const reportFile = join(runDir, 'report.txt');
const env = isolatedEnv(runDir, {
  VPCE_NODE: process.execPath,
  VPCE_SERVER: server,
  VPCE_WORKSPACE: workspace,
  VPCE_REPORT: reportFile,
  VPCE_NEOVIM_HOVER: options.hover ? '1' : '0',
});
const nvim = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${join(editorDir, 'neovim/lsp-test.lua')}`],
  { cwd: workspace, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
nvim.stdout.on('data', (chunk) => { output += chunk; });
nvim.stderr.on('data', (chunk) => { output += chunk; });

let timer;
const exit = await Promise.race([
  new Promise((r) => nvim.on('exit', (code, signal) => r({ code, signal }))),
  new Promise((r) => { timer = setTimeout(() => r('timeout'), Number(options.timeout) * 1000); }),
]);
clearTimeout(timer);
await stopProcessGroup(nvim); // also ends a server left behind

let lines = [];
try {
  lines = readFileSync(reportFile, 'utf8').split('\n').filter(Boolean);
} catch {
  // the Lua script never got to report
}
for (const line of lines) console.log(line);

let { passed, failed, complete } = summarize(lines);
let reason;
if (exit === 'timeout') reason = `no result within ${options.timeout} s`;
else if (exit.code !== 0) reason = `nvim exited with ${exit.code ?? exit.signal}`;
else if (!complete) reason = 'the Lua script printed no closing "N passed, N failed" line';
if (reason) {
  console.log(`${label}: FAILED: ${reason}${output.trim() ? `\n${output.trim()}` : ''}`);
  if (!complete || failed === 0) failed += 1;
}
if (failed > 0) {
  try {
    const lspLog = readFileSync(join(runDir, 'xdg-cache/nvim/lsp.log'), 'utf8').trim().split('\n');
    console.log(`${label}: last lines of Neovim's LSP log:\n${lspLog.slice(-20).join('\n')}`);
  } catch {
    // no log written
  }
}
if (!options.keep) rmSync(runDir, { recursive: true, force: true });
else console.log(`${label}: kept ${runDir}`);
console.log(`${label}: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${label}: ${passed} passed, ${failed} failed`);
process.exit(reason || failed > 0 ? 1 : 0);
