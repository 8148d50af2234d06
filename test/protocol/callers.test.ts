// A module folder that root modules of the workspace call is analysed through them: opening the
// shared child of a monorepo shows the findings of its callers' instances (each once), and its
// lenses price what the first root creates with it, not the child alone with default inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, CodeLens } from 'vscode-languageserver-protocol';
import { positionOf } from '../helpers/memoryModule';
import { LspTestClient, REPO } from './lspClient';

const MONOREPO = join(REPO, 'test/fixtures/modules/monorepo');
const CHILD = join(MONOREPO, 'modules/endpoints/main.tf');

test('opening a child module shows the findings of its callers\' instances, each once, and their costs', async () => {
  const client = await LspTestClient.start({ rootPath: MONOREPO });
  try {
    const text = readFileSync(CHILD, 'utf8');
    const uri = client.open(CHILD, text);
    const diagnostics = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'VPCE105'));
    const vpce105 = diagnostics.filter((d) => d.code === 'VPCE105').map((d) => String(d.message));
    // dev and staging both make `logs` (the same finding, once); prod makes the Session Manager trio.
    assert.equal(vpce105.length, 2, vpce105.join('\n'));
    assert.ok(vpce105.some((m) => m.includes('`logs`')));
    assert.ok(vpce105.some((m) => m.includes('`ssm`')));
    const keys = diagnostics.map((d) => `${d.range.start.line}:${d.code}:${d.message}`);
    assert.equal(new Set(keys).size, keys.length, 'no diagnostic twice');
    // Their quick fixes are offered in the child too.
    const target = diagnostics.find((d) => d.code === 'VPCE105')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
    assert.ok(actions.some((a) => /private_dns_enabled/.test(a.title)), actions.map((a) => a.title).join('; '));
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const block = lenses.filter((l) => l.range.start.line === positionOf(text, 'resource "aws_vpc_endpoint"').line);
    assert.equal(block.length, 1, 'one lens for the block, not one per module instance');
    // The first root (live/dev) calls it with one service in one subnet.
    assert.match(block[0]!.command!.title, /^\$8\.03\/mo · Interface × 1 AZ$/);
    // An edit of the child (unsaved) reaches its callers' analyses: private DNS on clears VPCE105.
    client.change(uri, 2, [{ text: text.replace('vpc_endpoint_type = "Interface"', 'vpc_endpoint_type = "Interface"\n  private_dns_enabled = true') }]);
    await client.diagnosticsFor(uri, (d) => !d.some((x) => x.code === 'VPCE105'), 2);
  } finally {
    await client.stop();
  }
});
