// The parse thread: converted files cross threads unchanged, an analysis that shares its parsing
// with the thread finds exactly what one thread finds, and a failing thread loses nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../server/src/core/analyzer';
import type { Block, Body, HclFile } from '../../server/src/core/parse/ast';
import { HclParser } from '../../server/src/core/parse/parseFile';
import { ParseThread } from '../../server/src/core/parse/parallel';
import { ShareEstimate } from '../../server/src/core/parse/shareEstimate';
import { eagerFraction, splitForThread } from '../../server/src/core/parse/split';
import { fromTransferable, toTransferable } from '../../server/src/core/parse/transfer';
import { deferredSource } from '../../server/src/core/parse/convert';
import { convertEagerly } from '../../server/src/core/model/analysedTypes';
import { moduleCosts } from '../../server/src/core/pricing/moduleCosts';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { moduleOfSize } from '../../bench/workload';
import { memoryFiles } from '../helpers/memoryModule';

const FIXTURES = join(__dirname, '../../../test/fixtures/rules');

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return fixtureFiles(path);
    return name.endsWith('.tf') ? [path] : [];
  });
}

/** The file as plain data, with every deferred body read (so laziness cannot hide a difference). */
function plain(file: HclFile): unknown {
  const block = (b: Block): unknown => ({ ...b, deferredMeta: b.deferredMeta && [...b.deferredMeta], body: body(b.body) });
  const body = (b: Body): unknown => ({ ...b, blocks: b.blocks.map(block) });
  return { ...file, comments: [...file.comments], body: body(file.body) };
}

function countDeferred(body: Body): number {
  return body.blocks.reduce((n, b) => n + (deferredSource(b) ? 1 : countDeferred(b.body)), 0);
}

const HALF_TYPED = `resource "aws_instance" "a" {
  count = 2
  ami   = "ami-1"
resource "aws_vpc_endpoint" "s3" {
  vpc_id = aws_vpc.main.id
  service_name = "com.amazonaws.\${
`;

test('a converted file crosses a thread boundary unchanged, deferred blocks included', async () => {
  const parser = await HclParser.create(convertEagerly);
  const sources: [string, string][] = [
    ...fixtureFiles(FIXTURES).map((p): [string, string] => [p, readFileSync(p, 'utf8')]),
    ...[...moduleOfSize(60_000)].map(([name, text]): [string, string] => [`/w/${name}`, text]),
    ['/w/half-typed.tf', HALF_TYPED],
  ];
  let deferred = 0;
  let withErrors = 0;
  for (const [path, text] of sources) {
    const file = parser.parse(path, text);
    const expected = plain(file);
    const crossed = fromTransferable(structuredClone(toTransferable(file)));
    deferred += countDeferred(crossed.body);
    if (crossed.syntaxErrors.length > 0) withErrors++;
    assert.deepEqual(plain(crossed), expected, path);
  }
  // The sample has what makes a transfer hard: lazy blocks and half-typed files.
  assert.ok(sources.length > 100, `${sources.length} files`);
  assert.ok(deferred > 50, `${deferred} deferred blocks crossed`);
  assert.ok(withErrors > 0, 'a file with syntax errors crossed');
  parser.dispose();
});

function workload(bytes: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, text] of moduleOfSize(bytes, 7)) files[`/w/module/${name}`] = text;
  return files;
}

test('sharing the parse with the thread: same findings and costs as one thread, and both threads parsed', async () => {
  const files = workload(400_000);
  const shared = await Analyzer.create({ parseThread: true });
  const alone = await Analyzer.create();
  try {
    const prepared = await shared.prepare(['/w/module'], memoryFiles(files));
    assert.ok(prepared.onThread > 0 && prepared.here > 0, `files parsed here ${prepared.here}, on the thread ${prepared.onThread}`);
    assert.equal(prepared.here + prepared.onThread, Object.keys(files).length);
    const two = shared.analyze('/w/module', memoryFiles(files), DEFAULT_SETTINGS);
    const one = alone.analyze('/w/module', memoryFiles(files), DEFAULT_SETTINGS);
    assert.ok(one.findings.length > 0 && one.endpoints.length > 100);
    assert.deepEqual(two.findings, one.findings);
    assert.deepEqual(moduleCosts(two), moduleCosts(one));
    // A second preparation finds everything parsed: no work, no round trip.
    assert.deepEqual(await shared.prepare(['/w/module'], memoryFiles(files)), { here: 0, onThread: 0 });
  } finally {
    shared.dispose();
    alone.dispose();
  }
});

test('the thread keeps the parse budget: an over-budget file is reported, not analysed', async () => {
  const big = Object.values(workload(300_000)).join('\n');
  const files = { '/w/big/a.tf': big, '/w/big/b.tf': big.replace(/role-/g, 'rol-') };
  const analyzer = await Analyzer.create({ parseThread: true, parseBudgetMs: 1 });
  try {
    const prepared = await analyzer.prepare(['/w/big'], memoryFiles(files));
    assert.equal(prepared.onThread, 1);
    const analysis = analyzer.analyze('/w/big', memoryFiles(files), DEFAULT_SETTINGS);
    const notAnalysed = analysis.findings.filter((f) => f.rule === 'VPCE000' && f.message.startsWith('Not analysed'));
    assert.deepEqual(notAnalysed.map((f) => f.file).sort(), Object.keys(files).sort());
  } finally {
    analyzer.dispose();
  }
});

test('a parse thread that cannot start is no thread; one that dies answers nothing and is not used again', async () => {
  const reports: string[] = [];
  assert.equal(await ParseThread.start(join(tmpdir(), 'no-such-parse-worker.js'), {}, (m) => reports.push(m)), undefined);
  assert.match(reports.join('\n'), /the parse thread could not start \(.*no-such-parse-worker.*\); cold modules are parsed on one thread/);
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-worker-'));
  try {
    const script = join(dir, 'dies.js');
    writeFileSync(script, `const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', () => process.exit(3));
`);
    const thread = await ParseThread.start(script, {}, (m) => reports.push(m));
    assert.ok(thread, 'the stand-in worker started');
    assert.equal(await thread.parse([{ path: '/x.tf', text: 'locals {}' }]), undefined);
    assert.equal(thread.usable, false);
    assert.match(reports.at(-1) ?? '', /the parse thread exited \(code 3\); cold modules are parsed on one thread from now on/);
    assert.equal(await thread.parse([{ path: '/x.tf', text: 'locals {}' }]), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a parse thread that never answers is given up after the time allowed, and stopped', { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-worker-'));
  try {
    const script = join(dir, 'stuck.js');
    writeFileSync(script, `const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', () => { for (;;) {} });
`);
    const reports: string[] = [];
    const thread = await ParseThread.start(script, {}, (m) => reports.push(m));
    assert.ok(thread, 'the stand-in worker started');
    const started = performance.now();
    assert.equal(await thread.waitAtMost(thread.parse([{ path: '/x.tf', text: 'locals {}' }]), 200), undefined);
    const waited = performance.now() - started;
    assert.ok(waited >= 190, `gave up after ${Math.round(waited)} ms, before the 200 ms allowed`);
    assert.equal(thread.usable, false);
    assert.deepEqual(reports, ['the parse thread took over 200 ms; it was stopped and cold modules are parsed on one thread from now on']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a parse thread that answers with an error: its files are parsed here, and it stays in use', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-worker-'));
  try {
    const script = join(dir, 'fails.js');
    writeFileSync(script, `const { parentPort } = require('node:worker_threads');
parentPort.postMessage({ ready: true });
parentPort.on('message', ({ id }) => parentPort.postMessage({ id, error: 'Error: wasm trap\\n    at parse' }));
`);
    const reports: string[] = [];
    const thread = await ParseThread.start(script, {}, (m) => reports.push(m));
    assert.ok(thread, 'the stand-in worker started');
    assert.equal(await thread.parse([{ path: '/x.tf', text: 'locals {}' }]), undefined);
    assert.equal(thread.usable, true);
    assert.deepEqual(reports, ['the parse thread could not parse its files; they were parsed on the main thread: Error: wasm trap']);
    await thread.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an analyzer whose thread has died parses everything itself', async () => {
  const files = workload(200_000);
  const analyzer = await Analyzer.create({ parseThread: true });
  const alone = await Analyzer.create();
  try {
    await (analyzer as unknown as { shared: { dispose(): Promise<void> } }).shared.dispose();
    assert.deepEqual(await analyzer.prepare(['/w/module'], memoryFiles(files)), { here: 0, onThread: 0 });
    const analysis = await analyzer.analyzeAsync('/w/module', memoryFiles(files), DEFAULT_SETTINGS);
    assert.deepEqual(analysis.findings, alone.analyze('/w/module', memoryFiles(files), DEFAULT_SETTINGS).findings);
  } finally {
    analyzer.dispose();
    alone.dispose();
  }
});

test('the split follows the speed each thread showed, smoothed and bounded', () => {
  const estimate = new ShareEstimate();
  assert.equal(estimate.share, 0.5);
  // The parse thread did 300 KB in 300 ms while this one did 600 KB in 300 ms: it is half as
  // fast, so its balanced share is a third; half of the way there from 0.5.
  estimate.observe(300_000, 300, 600_000, 300);
  assert.ok(Math.abs(estimate.share - (0.5 + 1 / 3) / 2) < 1e-9, String(estimate.share));
  for (let i = 0; i < 20; i++) estimate.observe(300_000, 300, 600_000, 300);
  assert.ok(Math.abs(estimate.share - 1 / 3) < 1e-3, String(estimate.share));
  // Timer noise (a few milliseconds) and empty shares teach nothing.
  const before = estimate.share;
  estimate.observe(1_000, 1, 500_000, 300);
  estimate.observe(0, 0, 500_000, 300);
  assert.equal(estimate.share, before);
  // A thread that looks a hundred times slower still gets some work, so it can show otherwise.
  for (let i = 0; i < 20; i++) estimate.observe(10_000, 1_000, 1_000_000, 1_000);
  assert.equal(estimate.share, 0.2);
});

test('the thread gets the files cheapest to send back: fewest whole-converted blocks first, up to its share', () => {
  const endpoints = (n: number) => Array.from({ length: n }, (_, k) => `resource "aws_vpc_endpoint" "e${k}" {\n  vpc_id = "vpc-1"\n}\n`).join('\n');
  const instances = (n: number) => Array.from({ length: n }, (_, k) => `resource "aws_instance" "i${k}" {\n  ami = "ami-1"\n}\n`).join('\n');
  assert.equal(eagerFraction(endpoints(3), convertEagerly), 1);
  assert.equal(eagerFraction(instances(3), convertEagerly), 0);
  assert.equal(eagerFraction(`${endpoints(1)}\n${instances(3)}`, convertEagerly), 0.25);
  // Nested blocks and attributes are indented: only top-level headers count.
  assert.equal(eagerFraction('resource "aws_instance" "a" {\n  ebs_block_device {\n  }\n}\n', convertEagerly), 0);
  assert.equal(eagerFraction('', convertEagerly), 0);

  const files = [
    { name: 'network', text: endpoints(40) },
    { name: 'mixed', text: `${endpoints(10)}\n${instances(30)}` },
    { name: 'bulk-a', text: instances(40) },
    { name: 'bulk-b', text: instances(40) },
  ];
  const names = (list: { name: string }[]) => list.map((f) => f.name).sort();
  const [theirs, mine] = splitForThread(files, 0.5, convertEagerly);
  assert.deepEqual(names(theirs), ['bulk-a', 'bulk-b']);
  assert.deepEqual(names(mine), ['mixed', 'network']);
  // A smaller share takes fewer of the cheap files, never an expensive one first.
  const [few] = splitForThread(files, 0.25, convertEagerly);
  assert.equal(few.length, 1);
  assert.match(few[0]!.name, /^bulk-/);
  // Every file goes to exactly one side.
  const [all, none] = splitForThread(files, 1, convertEagerly);
  assert.equal(all.length + none.length, files.length);
});
