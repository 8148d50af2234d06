// Code actions over stdio against the built server: the quick fix of a diagnostic, applied and
// sent back, clears it; "Suppress … here" hides it; "fix all" (quickfix and source.fixAll)
// composes the module's fixes into one edit that leaves no finding and one region data source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { LspTestClient } from './lspClient';

const STS_WITHOUT_TYPE = `data "aws_region" "current" {}

resource "aws_vpc_endpoint" "sts" {
  vpc_id              = "vpc-1"
  service_name        = "com.amazonaws.\${data.aws_region.current.name}.sts"
  subnet_ids          = ["subnet-1"]
  security_group_ids  = ["sg-1"]
  private_dns_enabled = true
}
`;

const SEVERAL = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc_endpoint" "sts" {
  vpc_id             = "vpc-1"
  service_name       = "com.amazonaws.eu-west-1.sts"
  subnet_ids         = ["subnet-1"]
  security_group_ids = ["sg-1"]
}

resource "aws_vpc_endpoint" "logs" {
  vpc_id              = "vpc-1"
  service_name        = "com.amazonaws.eu-west-1.logs"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = ["subnet-1"]
  security_group_ids  = ["sg-1"]
  private_dns_enabled = true
}
`;

const FAST = { configuration: { vpceLens: { diagnostics: { debounceMs: 0 } } } };

/** A server with `text` open as main.tf of a new module, once its diagnostics satisfy `ready`. */
async function opened(text: string, ready: (d: Diagnostic[]) => boolean): Promise<{ client: LspTestClient; uri: string; diagnostics: Diagnostic[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-actions-'));
  writeFileSync(join(dir, 'main.tf'), text);
  const client = await LspTestClient.start(FAST);
  const uri = client.open(join(dir, 'main.tf'), text);
  return { client, uri, diagnostics: await client.diagnosticsFor(uri, ready) };
}

/** The text after a code action's edit to `uri`. */
function applied(text: string, action: CodeAction, uri: string): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits && edits.length > 0, `"${action.title}" edits ${uri}`);
  return applyEdits(text, edits);
}

async function actionsAt(client: LspTestClient, uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
  });
}

test('the preferred quick fix of VPCE101, applied and sent back, clears the diagnostic', async () => {
  const { client, uri, diagnostics: [diagnostic] } = await opened(STS_WITHOUT_TYPE, (d) => d.length > 0);
  assert.equal(diagnostic!.code, 'VPCE101');
  const actions = await actionsAt(client, uri, diagnostic!);
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.title, 'Set vpc_endpoint_type = "Interface"');
  assert.deepEqual(fix.diagnostics, [diagnostic], 'the action names the diagnostic it fixes');
  const fixed = applied(STS_WITHOUT_TYPE, fix, uri);
  assert.match(fixed, /vpc_endpoint_type\s+= "Interface"/);
  client.change(uri, 2, [{ text: fixed }]);
  assert.deepEqual(await client.diagnosticsFor(uri, () => true, 2), []);
  await client.stop();
});

test('"Suppress VPCE101 here" adds a comment above the block that hides the diagnostic', async () => {
  const { client, uri, diagnostics: [diagnostic] } = await opened(STS_WITHOUT_TYPE, (d) => d.length > 0);
  const suppress = (await actionsAt(client, uri, diagnostic!)).find((a) => a.title === 'Suppress VPCE101 here');
  assert.ok(suppress);
  const text = applied(STS_WITHOUT_TYPE, suppress, uri);
  assert.match(text, /# vpce-lens:ignore VPCE101\nresource "aws_vpc_endpoint" "sts"/);
  client.change(uri, 2, [{ text }]);
  assert.deepEqual(await client.diagnosticsFor(uri, () => true, 2), []);
  await client.stop();
});

test('"Fix all VPCE1xx problems" and source.fixAll compose every fix into one clean edit', async () => {
  const { client, uri, diagnostics } = await opened(SEVERAL, (d) => d.length >= 4);
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['VPCE101', 'VPCE105', 'VPCE108', 'VPCE108']);
  const type = diagnostics.find((d) => d.code === 'VPCE101')!;
  const fixAll = (await actionsAt(client, uri, type)).find((a) => a.title.startsWith('Fix all VPCE1xx'));
  assert.ok(fixAll);
  assert.equal(fixAll.title, 'Fix all VPCE1xx problems in this module (4)');
  const source = (await actionsAt(client, uri, { ...type, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, ['source.fixAll']));
  assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.vpceLens']);
  for (const [version, action] of [[2, fixAll], [3, source[0]!]] as const) {
    const text = applied(SEVERAL, action, uri);
    assert.equal(text.match(/data "aws_region"/g)?.length, 1, `one region data source:\n${text}`);
    client.change(uri, version, [{ text }]);
    assert.deepEqual(await client.diagnosticsFor(uri, () => true, version), [], text);
  }
  await client.stop();
});

test('a request filtered to other kinds, or off any finding, gets no actions', async () => {
  const { client, uri, diagnostics: [diagnostic] } = await opened(STS_WITHOUT_TYPE, (d) => d.length > 0);
  assert.deepEqual(await actionsAt(client, uri, diagnostic!, ['refactor']), []);
  const off = { ...diagnostic!, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  assert.deepEqual(await actionsAt(client, uri, off), []);
  await client.stop();
});
