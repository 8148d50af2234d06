// Shared by the editor launchers: paths, temp dirs, free ports, process groups, summaries.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const editorDir = join(repoRoot, 'test/editor');
export const fixtureWorkspace = join(editorDir, 'workspace');
export const outputDir = join(repoRoot, 'test-output/editor');
export const compiledSuiteDir = join(repoRoot, 'out/test/editor/suite');

/** Fails early, with the command to run, when a build product is missing. */
export function requireFiles(files, hint) {
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    console.error(`missing ${missing.map((f) => f.replace(repoRoot + '/', '')).join(', ')}: ${hint}`);
    process.exit(2);
  }
}

/** A fresh temp dir holding a copy of the fixture workspace (tests edit it, never the repo). */
export function makeRunDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  cpSync(fixtureWorkspace, join(dir, 'workspace'), { recursive: true });
  for (const sub of ['home', 'xdg-config', 'xdg-data', 'xdg-cache', 'xdg-state', 'xdg-runtime']) mkdirSync(join(dir, sub), { mode: 0o700 });
  return { dir, workspace: join(dir, 'workspace') };
}

/** HOME and XDG_* inside `dir`, so nothing the editors write lands in the real home. */
export function isolatedEnv(dir, extra = {}) {
  return {
    ...process.env,
    HOME: join(dir, 'home'),
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    XDG_STATE_HOME: join(dir, 'xdg-state'),
    XDG_RUNTIME_DIR: join(dir, 'xdg-runtime'),
    ...extra,
  };
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/** Polls `probe` (async, truthy = done) until it succeeds or `deadline` (epoch ms) passes. */
export async function pollUntil(probe, deadline, what, intervalMs = 200) {
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch {
      // not ready yet
    }
    if (Date.now() >= deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Stops a process group started with `detached: true`: TERM, then KILL if it lingers. */
export async function stopProcessGroup(child, graceMs = 5000) {
  if (!child || child.pid === undefined) return;
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const until = Date.now() + graceMs;
  while (alive() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Counts PASS/FAIL lines and finds the suite's own closing line in its output. */
export function summarize(lines) {
  const closing = [...lines].reverse().map((l) => /^\s*(\d+) passed, (\d+) failed(?:, \d+ skipped)?\s*$/.exec(l)).find(Boolean);
  if (closing) return { passed: Number(closing[1]), failed: Number(closing[2]), complete: true };
  return {
    passed: lines.filter((l) => /^\s*PASS /.test(l)).length,
    failed: lines.filter((l) => /^\s*FAIL /.test(l)).length,
    complete: false,
  };
}

export function toolsDir() {
  return join(repoRoot, '.cache/editor-tools');
}

/** Runs the idempotent install script (fast when everything is there). */
export function installTools() {
  execFileSync('bash', [join(editorDir, 'install-tools.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  return toolsDir();
}
