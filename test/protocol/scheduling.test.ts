// Analyses scheduled, through the built server over stdio: every request on one version shares
// one analysis (counted by the server's `vpceLens/stats` request); a request sent before a newer
// version arrived answers from the newer version; a cancelled request is answered as cancelled;
// a file changed on disk is read anew by the next code action.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LSPErrorCodes, type CodeAction, type Diagnostic, type Hover } from 'vscode-languageserver-protocol';
import type { AnalysisStats } from '../../server/src/analysisService';
import { STATS_REQUEST } from '../../server/src/features/stats';
import { positionOf } from '../helpers/memoryModule';
import { hoverText, LspTestClient } from './lspClient';

const provider = (region: string) => `provider "aws" {\n  region = "${region}"\n}\n`;
const STS = `resource "aws_vpc_endpoint" "sts" {
  vpc_id             = "vpc-1"
  service_name       = "com.amazonaws.eu-west-1.sts"
  vpc_endpoint_type  = "Interface"
  subnet_ids         = ["subnet-1", "subnet-2"]
  security_group_ids = ["sg-1"]
}
`;
const HEADER = 'resource "aws_vpc_endpoint" "sts"';
const FAST = { configuration: { vpceLens: { diagnostics: { debounceMs: 0 }, costDisplay: 'both' } } };

function moduleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-scheduling-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** A server and a new module folder holding `main.tf` (eu-west-1, one interface endpoint). */
async function withModule(run: (client: LspTestClient, dir: string, text: string) => Promise<void>): Promise<void> {
  const text = provider('eu-west-1') + STS;
  const dir = moduleDir({ 'main.tf': text });
  const client = await LspTestClient.start(FAST);
  try {
    await run(client, dir, text);
  } finally {
    await client.stop();
  }
}

const analysesOf = async (client: LspTestClient, dir: string) => (await client.request<AnalysisStats>(STATS_REQUEST, {})).analyses[dir] ?? 0;

test('hovers, code lenses, inlay hints, code actions and diagnostics on one version share one analysis', () => withModule(async (client, dir, text) => {
  const uri = client.open(join(dir, 'main.tf'), text);
  const textDocument = { uri };
  const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
  const position = positionOf(text, HEADER);
  const [hovers, lenses, hints, actions] = await Promise.all([
    Promise.all(Array.from({ length: 4 }, () => client.request<Hover | null>('textDocument/hover', { textDocument, position }))),
    Promise.all(Array.from({ length: 2 }, () => client.request<unknown[]>('textDocument/codeLens', { textDocument }))),
    Promise.all(Array.from({ length: 2 }, () => client.request<unknown[]>('textDocument/inlayHint', { textDocument, range: whole }))),
    Promise.all(Array.from({ length: 2 }, () => client.request<CodeAction[]>('textDocument/codeAction', { textDocument, range: whole, context: { diagnostics: [] } }))),
  ]);
  await client.diagnosticsFor(uri, () => true, 1);
  for (const hover of hovers) assert.match(hoverText(hover), /eu-west-1/);
  for (const list of [...lenses, ...hints]) assert.ok(list.length > 0, 'the cost views answered');
  assert.equal(actions.length, 2);
  assert.equal(await analysesOf(client, dir), 1, 'one analysis for version 1');
  // Version 2: again one analysis, whoever asks first.
  client.change(uri, 2, [{ text: provider('ap-northeast-1') + STS }]);
  await Promise.all([
    client.request('textDocument/hover', { textDocument, position }),
    client.request('textDocument/codeLens', { textDocument }),
    client.diagnosticsFor(uri, () => true, 2),
  ]);
  assert.equal(await analysesOf(client, dir), 2);
}));

test('a hover sent for version 1, followed by version 2 before it was answered, answers from version 2', () => withModule(async (client, dir, text) => {
  const uri = client.open(join(dir, 'main.tf'), text);
  const hover = client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, HEADER) });
  client.change(uri, 2, [{ text: provider('ap-northeast-1') + STS }]);
  // Nothing cancels this hover (the server never drops a request by itself): it must answer.
  const answer = hoverText(await hover);
  assert.match(answer, /ap-northeast-1/);
  assert.doesNotMatch(answer, /eu-west-1/);
}));

test('a request the client cancels while it waits is answered RequestCancelled, and the server goes on answering', () => withModule(async (client, dir, text) => {
  const path = join(dir, 'main.tf');
  // The hover (on a file not open) is the first request to need the module's settings: the
  // client cancels it when the server asks for them, so the server holds the request by then.
  const source = new CancellationTokenSource();
  client.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => {
    source.cancel();
    return params.items.map(() => FAST.configuration.vpceLens);
  });
  const params = { textDocument: { uri: pathToFileURL(path).toString() }, position: positionOf(text, HEADER) };
  await assert.rejects(client.connection.sendRequest('textDocument/hover', params, source.token), (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
  assert.match(hoverText(await client.request<Hover | null>('textDocument/hover', params)), /eu-west-1/);
}));

test('a file changed on disk after a code action is read anew by the next one', async () => {
  // other.tf stays closed: its code actions read it from disk.
  const dir = moduleDir({ 'main.tf': provider('eu-west-1'), 'other.tf': STS.replace('  vpc_endpoint_type  = "Interface"\n', '') });
  const other = pathToFileURL(join(dir, 'other.tf')).toString();
  const client = await LspTestClient.start(FAST);
  try {
    client.open(join(dir, 'main.tf'), provider('eu-west-1'));
    const suppressEdits = async (): Promise<unknown> => {
      const diagnostic = (await client.diagnosticsFor(other, (d) => d.some((x) => x.code === 'VPCE101'))).find((d: Diagnostic) => d.code === 'VPCE101')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: other }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
      const suppress = actions.find((a) => a.title === 'Suppress VPCE101 here');
      assert.ok(suppress, actions.map((a) => a.title).join('; '));
      return suppress.edit?.changes?.[other];
    };
    assert.deepEqual(await suppressEdits(), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# vpce-lens:ignore VPCE101\n' }]);
    // A directive for another rule above the block now: the next suppression joins it.
    const directive = '# vpce-lens:ignore VPCE105';
    writeFileSync(join(dir, 'other.tf'), `${directive}\n${STS.replace('  vpc_endpoint_type  = "Interface"\n', '')}`);
    client.diagnostics.delete(other);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: other, type: 2 }] });
    assert.deepEqual(await suppressEdits(), [{ range: { start: { line: 0, character: directive.length }, end: { line: 0, character: directive.length } }, newText: ' VPCE101' }]);
  } finally {
    await client.stop();
  }
});
