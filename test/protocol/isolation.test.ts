// Nothing the server does reaches the network or runs a program; files deleted while open do
// not take it down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from './lspClient';

const SEED = resolve(__dirname, '../../../examples/seed');

test('a whole session on the example never touches the network or starts a program', async () => {
  const client = await LspTestClient.start({ nodeArgs: ['--require', join(__dirname, 'isolationPreload.js')] });
  const uris = readdirSync(SEED).filter((f) => f.endsWith('.tf')).map((f) => client.open(join(SEED, f), readFileSync(join(SEED, f), 'utf8')));
  for (const uri of uris) await client.diagnosticsFor(uri, () => true);
  const position = { line: 1, character: 12 };
  const requests: [string, unknown][] = [];
  if (client.capabilities.hoverProvider) requests.push(['textDocument/hover', { textDocument: { uri: uris[0] }, position }]);
  if (client.capabilities.codeLensProvider) requests.push(['textDocument/codeLens', { textDocument: { uri: uris[0] } }]);
  if (client.capabilities.completionProvider) requests.push(['textDocument/completion', { textDocument: { uri: uris[0] }, position }]);
  assert.equal(requests.length, 3, 'hover, code lens and completion are all exercised');
  for (const [method, params] of requests) await client.request(method, params);
  assert.equal(await client.stop(), 0);
  assert.doesNotMatch(client.stderr, /ISOLATION-VIOLATION/);
});

test('the preload does catch a violation (so the test above can fail)', async () => {
  const { spawnSync } = await import('node:child_process');
  const probe = spawnSync(process.execPath, ['--require', join(__dirname, 'isolationPreload.js'), '-e', "require('node:https').get('https://example.invalid')"], { encoding: 'utf8' });
  assert.match(probe.stderr, /ISOLATION-VIOLATION https\.get/);
});

test('a file deleted or renamed while open: the server keeps answering and reports from the buffer', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-deleted-'));
  const path = join(dir, 'main.tf');
  writeFileSync(path, 'locals {\n  a = 1\n}\n');
  writeFileSync(join(dir, 'other.tf'), 'locals {\n  b = 2\n}\n');
  const client = await LspTestClient.start();
  const uri = client.open(path, 'locals {\n  a = \n}\n');
  await client.diagnosticsFor(uri, (d) => d.length > 0);
  rmSync(dir, { recursive: true, force: true });
  void client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri, type: 3 }, { uri: pathToFileURL(join(dir, 'other.tf')).toString(), type: 3 }],
  });
  client.change(uri, 2, [{ text: 'locals {\n  a = 2\n}\n' }]);
  assert.deepEqual(await client.diagnosticsFor(uri, () => true, 2), [], 'the open buffer is still analysed after its folder is gone');
  assert.equal(await client.stop(), 0);
});
