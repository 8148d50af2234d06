// Both bins of package.json as a user runs them: straight from dist/ (executable, shebang), with
// --help / --version / no arguments, the server on each transport an editor uses, and the npx
// forms the README gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LspTestClient } from '../protocol/lspClient';

const REPO = resolve(__dirname, '../../..');
const BINS = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).bin as Record<string, string>;
const VERSION = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string;
const CLI = join(REPO, BINS['vpce-lens']!);
const SERVER = join(REPO, BINS['vpce-lens-language-server']!);
const STACK_TRACE = /\n\s+at /;

/** Runs a bin as a command (not through `node`): the shebang and the mode bits must work. */
function exec(file: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(file, args, { cwd: REPO, encoding: 'utf8', timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('both bins are executable files after the build', () => {
  for (const [name, file] of Object.entries(BINS)) {
    const mode = statSync(join(REPO, file)).mode;
    assert.ok((mode & 0o111) === 0o111, `${name} (${file}) has mode ${(mode & 0o777).toString(8)}`);
    assert.match(readFileSync(join(REPO, file), 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node\n/, `${file} has no shebang`);
  }
});

test('vpce-lens-language-server --help and --version print and exit 0', () => {
  for (const flag of ['--help', '-h']) {
    const help = exec(SERVER, [flag]);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^Usage:\n {2}vpce-lens-language-server --stdio/);
    assert.match(help.stdout, /--node-ipc/);
    assert.equal(help.stderr, '');
  }
  const version = exec(SERVER, ['--version']);
  assert.equal(version.code, 0, version.stderr);
  assert.equal(version.stdout, `${VERSION}\n`);
});

test('vpce-lens-language-server without a transport prints the usage on stderr and exits 2, no stack trace', () => {
  for (const args of [[], ['--bogus'], ['--clientProcessId=1']]) {
    const r = exec(SERVER, args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^vpce-lens-language-server: .*--stdio, --node-ipc/, args.join(' '));
    assert.match(r.stderr, /\nUsage:\n/);
    assert.doesNotMatch(r.stderr, STACK_TRACE);
  }
});

test('vpce-lens --help and --version run from dist/ as commands', () => {
  const help = exec(CLI, ['--help']);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^Usage:\n {2}vpce-lens check/);
  assert.equal(exec(CLI, ['--version']).stdout, `${VERSION}\n`);
});

test('--stdio still serves LSP', async () => {
  const client = await LspTestClient.start();
  assert.ok(client.capabilities.hoverProvider);
  assert.equal(await client.stop(), 0);
});

test('--node-ipc (how VS Code starts the server) still serves LSP', async () => {
  const child = spawn(process.execPath, [SERVER, '--node-ipc', `--clientProcessId=${process.pid}`], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const replies = new Map<number, { result?: { capabilities?: object; serverInfo?: { version: string } } }>();
  const waiting = new Map<number, () => void>();
  child.on('message', (message: { id?: number; result?: never }) => {
    if (typeof message.id !== 'number') return;
    replies.set(message.id, message);
    waiting.get(message.id)?.();
  });
  const request = (id: number, method: string, params: unknown) => new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no answer to ${method}; stderr: ${stderr}`)), 15_000);
    waiting.set(id, () => (clearTimeout(timer), done()));
    child.send({ jsonrpc: '2.0', id, method, params });
  });
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  try {
    await request(1, 'initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    assert.ok(replies.get(1)?.result?.capabilities, 'initialize has capabilities');
    assert.equal(replies.get(1)?.result?.serverInfo?.version, VERSION);
    await request(2, 'shutdown', null);
    child.send({ jsonrpc: '2.0', method: 'exit' });
    assert.equal(await exited, 0);
  } finally {
    child.kill();
  }
});

// The README's npx forms, in this repository (npx runs the project's own bin; --offline and
// --no: never a download). npx (npm 7 and later) hands everything after the first word that is
// not an npm option to the command; before it, --version is npm's, and --no takes the next word
// as its value unless `--` ends npm's options.
const npx = spawnSync('npx', ['--version'], { encoding: 'utf8' }).status === 0;
test('npx --no -- vpce-lens passes every flag to vpce-lens', { skip: !npx && 'npx is not on PATH' }, () => {
  const run = (args: string[]) => spawnSync('npx', args, { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  assert.equal(run(['--offline', '--no', '--', 'vpce-lens', '--version']).stdout, `${VERSION}\n`);
  // Without `--`, flags after the bin's name reach it as well.
  const json = run(['--offline', 'vpce-lens', 'cost', 'examples/seed', '--format', 'json']);
  assert.equal(json.status, 0, json.stderr);
  assert.equal(JSON.parse(json.stdout).tool, 'vpce-lens');
});
