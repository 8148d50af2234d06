// Hovers, code lenses and diagnostics through the built server over stdio on two idiom fixtures
// (test/fixtures/idioms): the NAT count of a nested conditional, and a registry endpoints map
// built by a `for` with `replace` keys. The figures are what Terraform would create.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import { positionOf } from '../helpers/memoryModule';
import { idiomFixture } from '../helpers/idiomFixtures';
import { hoverText, LspTestClient } from './lspClient';

interface Opened {
  client: LspTestClient;
  uri: string;
  text: string;
  /** The diagnostics' rule IDs, sorted. */
  codes: string[];
}

/** Opens the fixture's main.tf and waits for its diagnostics (the module is then analysed). */
async function openFixture(name: string, body: (opened: Opened) => Promise<void>): Promise<void> {
  const client = await LspTestClient.start();
  try {
    const path = join(idiomFixture(name).dir, 'main.tf');
    const text = readFileSync(path, 'utf8');
    const uri = client.open(path, text);
    const diagnostics = await client.diagnosticsFor(uri, () => true);
    await body({ client, uri, text, codes: diagnostics.map((d) => String(d.code)).sort() });
  } finally {
    await client.stop();
  }
}

async function lensAt(opened: Opened, header: string): Promise<string | undefined> {
  const lenses = await opened.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: opened.uri } });
  const line = positionOf(opened.text, header).line;
  return lenses.find((l) => l.range.start.line === line)?.command?.title;
}

async function hoverAt(opened: Opened, needle: string): Promise<string> {
  const position = positionOf(opened.text, needle);
  return hoverText(await opened.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: opened.uri }, position }));
}

test('nested conditional NAT count: one NAT gateway in eu-west-1, $35.04/month, in its lens and hover', async () => {
  await openFixture('nested-conditional-nat-count', async (opened) => {
    const header = 'resource "aws_nat_gateway" "this"';
    assert.equal(await lensAt(opened, header), '$35.04/mo · NAT gateway');
    const hover = await hoverAt(opened, header);
    assert.match(hover, /\$35\.04/);
    assert.match(hover, /eu-west-1/);
    assert.deepEqual(opened.codes, ['VPCE202'], 'DynamoDB has no gateway endpoint; nothing else is wrong');
  });
});

test('for with replace keys: the vpc-endpoints call prices 10 interface endpoints × 3 AZ in us-west-2 and the S3 gateway', async () => {
  await openFixture('for-map-with-replace-keys', async (opened) => {
    const header = 'module "vpc_endpoints"';
    assert.equal(await lensAt(opened, header), '$219.00/mo · 10 × Interface × 3 AZ, 1 × Gateway (free)');
    const hover = await hoverAt(opened, header);
    assert.match(hover, /\$219\.00/);
    assert.match(hover, /us-west-2/);
    assert.match(hover, /3 AZ/);
    assert.deepEqual(opened.codes, ['VPCE202']);
  });
});
