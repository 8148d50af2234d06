// The built language server over stdio: lifecycle, diagnostics on open/change/close, a sibling
// file changing the result, settings from the client, rapid edits, hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lspClient';
import { positionOf } from '../helpers/memoryModule';

// No endpoint: nothing for the rules to say, so diagnostics here are only about syntax.
const CLEAN = 'locals {\n  region       = "us-east-1"\n  service_name = "com.amazonaws.us-east-1.s3"\n}\n';

function moduleDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-protocol-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

test('initialize announces incremental sync; shutdown and exit end the process cleanly', async () => {
  const client = await LspTestClient.start();
  const dir = moduleDir();
  const uri = client.open(join(dir, 'main.tf'), CLEAN);
  const diagnostics = await client.diagnosticsFor(uri, () => true);
  assert.deepEqual(diagnostics, [], 'a clean file gets an empty list');
  assert.equal(await client.stop(), 0);
});

test('diagnostics follow edits: a syntax error appears where it is, then goes when fixed', async () => {
  const client = await LspTestClient.start();
  const dir = moduleDir();
  const uri = client.open(join(dir, 'main.tf'), CLEAN);
  await client.diagnosticsFor(uri, (d) => d.length === 0);
  // Delete the closing quote of the service name: line 2.
  const quote = positionOf(CLEAN, '"\n}');
  client.change(uri, 2, [{ range: { start: quote, end: { line: quote.line, character: quote.character + 1 } }, text: '' }]);
  const broken = await client.diagnosticsFor(uri, (d) => d.length > 0, 2);
  assert.equal(broken[0]!.code, 'VPCE000');
  assert.equal(broken[0]!.source, 'vpce-lens');
  assert.equal(broken[0]!.severity, 1);
  assert.ok(broken[0]!.range.start.line >= quote.line, `error at line ${broken[0]!.range.start.line}, edit at ${quote.line}`);
  client.change(uri, 3, [{ range: { start: quote, end: quote }, text: '"' }]);
  assert.deepEqual(await client.diagnosticsFor(uri, (d) => d.length === 0, 3), []);
  client.close(uri);
  await client.stop();
});

test('a change in a sibling file on disk re-analyses the module', async () => {
  const client = await LspTestClient.start();
  const dir = moduleDir({ 'other.tf': 'locals { a = 1 }\n' });
  const uri = client.open(join(dir, 'main.tf'), CLEAN);
  await client.diagnosticsFor(uri, (d) => d.length === 0);
  const sibling = join(dir, 'other.tf');
  writeFileSync(sibling, 'locals {\n  a = \n');
  void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(sibling).toString(), type: 2 }] });
  const siblingDiagnostics = await client.diagnosticsFor(pathToFileURL(sibling).toString(), (d) => d.length > 0);
  assert.equal(siblingDiagnostics[0]!.code, 'VPCE000');
  writeFileSync(sibling, 'locals { a = 2 }\n');
  void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(sibling).toString(), type: 2 }] });
  await client.diagnosticsFor(pathToFileURL(sibling).toString(), (d) => d.length === 0);
  await client.stop();
});

test('a large module on disk is parsed on two threads, and the syntax error of every file is reported where it is', async () => {
  const client = await LspTestClient.start();
  const expected = availableParallelism() >= 2 ? 'two threads' : 'one thread';
  await client.waitFor('the start-up log line', () => client.logs.find((m) => m.includes('cold modules are parsed on')));
  assert.ok(client.logs.some((m) => m.endsWith(`parsed on ${expected}`)), client.logs.join('\n'));
  // 16 files of about 12 KB (over the 64 KB below which nothing is sent to the thread), each
  // with one unclosed block at a line of its own.
  const files: Record<string, string> = {};
  const brokenLine = new Map<string, number>();
  for (let f = 0; f < 16; f++) {
    const blocks = Array.from({ length: 60 + f }, (_, k) => `resource "aws_instance" "app_${f}_${k}" {\n  ami  = "ami-${k}"\n  tags = { Name = "app-${f}-${k}" }\n}\n`);
    const text = `${blocks.join('\n')}\nresource "aws_instance" "broken_${f}" {\n  ami = "ami-x"\n`;
    files[`file${f}.tf`] = text;
    brokenLine.set(`file${f}.tf`, text.split('\n').length - 3);
  }
  const dir = moduleDir(files);
  client.open(join(dir, 'main.tf'), CLEAN);
  for (const [name, line] of brokenLine) {
    const found = await client.diagnosticsFor(pathToFileURL(join(dir, name)).toString(), (d) => d.length > 0);
    assert.equal(found[0]!.code, 'VPCE000', name);
    assert.ok(found.every((d) => d.range.start.line >= line), `${name}: errors at ${found.map((d) => d.range.start.line)}, unclosed block at ${line}`);
  }
  // The thread did its share: any trouble (failed, stuck, could not parse) would be logged.
  assert.deepEqual(client.logs.filter((m) => m.includes('the parse thread')), []);
  await client.stop();
});

test('closing the last buffer of a module clears its diagnostics', async () => {
  const client = await LspTestClient.start();
  const dir = moduleDir();
  const uri = client.open(join(dir, 'main.tf'), 'resource "x" {\n');
  await client.diagnosticsFor(uri, (d) => d.length > 0);
  client.close(uri);
  await client.diagnosticsFor(uri, (d) => d.length === 0);
  await client.stop();
});

test('settings from the client take effect: a rule switched off publishes nothing', async () => {
  const client = await LspTestClient.start({ configuration: { vpceLens: { rules: { VPCE000: 'off' }, diagnostics: { debounceMs: 0 } } } });
  const dir = moduleDir();
  const uri = client.open(join(dir, 'main.tf'), 'resource "x" {\n');
  assert.deepEqual(await client.diagnosticsFor(uri, () => true), []);
  await client.stop();
});

test('hundreds of rapid edits end with diagnostics for the last version only', async () => {
  const client = await LspTestClient.start();
  const dir = moduleDir();
  const uri = client.open(join(dir, 'main.tf'), 'locals {\n  a = 1\n}\n');
  let version = 1;
  for (let i = 0; i < 300; i++) {
    version++;
    // Odd versions are broken (an unclosed list), even versions are clean.
    client.change(uri, version, [{ text: version % 2 === 1 ? 'locals {\n  a = [\n}\n' : `locals {\n  a = ${i}\n}\n` }]);
  }
  const final = await client.diagnosticsFor(uri, () => true, version);
  assert.equal(final.length, version % 2 === 1 ? 1 : 0);
  const published = client.diagnostics.get(uri)!;
  assert.equal(published.version, version, 'nothing stale was published last');
  await client.stop();
});

test('hostile input: binary file, BOM, empty file, unterminated template, deep nesting — the server keeps answering', async () => {
  const dir = moduleDir({ 'binary.tf': '\u0000\u0001\u0002garbage' });
  const client = await LspTestClient.start();
  const inputs = ['\ufeff' + CLEAN, '', 'a = "${unterminated\n', `locals {\n  x = ${'['.repeat(4000)}${']'.repeat(4000)}\n}\n`, 'locals {\n  a = local.b\n  b = local.a\n}\n'];
  const uris = inputs.map((text, i) => client.open(join(dir, `input${i}.tf`), text));
  for (const uri of uris) await client.diagnosticsFor(uri, () => true);
  const binary = await client.diagnosticsFor(pathToFileURL(join(dir, 'binary.tf')).toString(), (d) => d.length > 0);
  const message = binary[0]!.message;
  assert.match(typeof message === 'string' ? message : message.value, /not valid UTF-8/);
  assert.equal((await client.diagnosticsFor(uris[0]!, () => true)).length, 0, 'a BOM is not an error');
  assert.ok((await client.diagnosticsFor(uris[2]!, () => true)).length > 0, 'an unterminated template is reported');
  assert.equal(await client.stop(), 0);
});

test('a relative vpceLens.varFiles setting is read from the workspace folder', async () => {
  const root = moduleDir({ 'env.tfvars': 'region = "eu-central-1"\n' });
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(root, 'network'));
  const text = 'variable "region" { default = "us-east-1" }\nprovider "aws" { region = var.region }\nresource "aws_nat_gateway" "n" {}\n';
  writeFileSync(join(root, 'network', 'main.tf'), text);
  const client = await LspTestClient.start({ rootPath: root, configuration: { vpceLens: { varFiles: ['env.tfvars'] } } });
  const uri = client.open(join(root, 'network', 'main.tf'), text);
  await client.diagnosticsFor(uri, () => true);
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'aws_nat_gateway') });
  assert.match(hover?.contents.value ?? '', /eu-central-1/, 'the region comes from env.tfvars in the workspace folder');
  await client.stop();
});

test('a 20,000-block file: diagnostics arrive and requests are still answered', async () => {
  const dir = moduleDir();
  const text = Array.from({ length: 20_000 }, (_, i) => `resource "aws_subnet" "s${i}" {\n  cidr_block = "10.${i % 256}.0.0/24"\n}\n`).join('');
  const client = await LspTestClient.start();
  const uri = client.open(join(dir, 'main.tf'), text);
  await client.waitFor('diagnostics for the 20,000-block file', () => client.diagnostics.get(uri), 60_000);
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 4 } });
  assert.ok(hover === null || typeof hover === 'object', 'the hover request is answered');
  assert.equal(await client.stop(), 0);
});
