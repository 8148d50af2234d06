// What cannot be priced says so in the editor: an endpoint block whose for_each has no value, a
// module call whose source is not downloaded, and the module total that is then a lower bound;
// a module call with for_each shows what its instances cost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import { positionOf } from '../helpers/memoryModule';
import { hoverText, LspTestClient, REPO } from './lspClient';

const MODULES = join(REPO, 'test/fixtures/modules');

async function lensesAndHover(fixture: string, needles: string[]): Promise<{ lenses: Map<number, string>; hovers: string[]; text: string }> {
  const client = await LspTestClient.start();
  try {
    const path = join(MODULES, fixture, 'main.tf');
    const text = readFileSync(path, 'utf8');
    const uri = client.open(path, text);
    await client.diagnosticsFor(uri, () => true);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    const hovers: string[] = [];
    for (const needle of needles) hovers.push(hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle) })));
    return { lenses: new Map(lenses.map((l) => [l.range.start.line, l.command?.title ?? ''])), hovers, text };
  } finally {
    await client.stop();
  }
}

test('a module call not downloaded: its lens and hover say why it is not priced; the module total is a lower bound', async () => {
  const { lenses, hovers, text } = await lensesAndHover('init-cache', ['module "missing"', 'module "endpoints"']);
  assert.equal(lenses.get(positionOf(text, 'module "missing"').line), 'not priced · source not downloaded: run terraform init');
  assert.match(hovers[0]!, /not priced: source not downloaded: run terraform init/);
  assert.match(lenses.get(0)!, /^Module: ≥ \$\d+\.\d\d\/mo \(1 not priced\)/);
  // The downloaded call: what its code creates (2 interface endpoints, an S3 gateway, a NAT gateway).
  assert.match(lenses.get(positionOf(text, 'module "endpoints"').line)!, /^\$\d+\.\d\d\/mo · 2 × Interface × 3 AZ, 1 × Gateway \(free\), 1 × NAT gateway$/);
  assert.match(hovers[1]!, /module\.endpoints\.aws_vpc_endpoint\.interface\["logs"\]/);
});

test('a module call whose for_each has no value: unknown, never $0', async () => {
  const { lenses, hovers, text } = await lensesAndHover('unknown-instances', ['module "endpoints"']);
  assert.equal(lenses.get(positionOf(text, 'module "endpoints"').line), 'not priced · its instances cannot be known (var.services has no default and no value)');
  assert.match(hovers[0]!, /not priced/);
  assert.doesNotMatch([...lenses.values()].join('\n'), /\$0\.00/);
});

test('module calls with for_each and count: each call\'s lens sums its instances', async () => {
  const { lenses, text } = await lensesAndHover('instances', []);
  assert.match(lenses.get(positionOf(text, 'module "session_manager"').line)!, /^\$\d+\.\d\d\/mo · 3 × Interface × 2 AZ$/);
  assert.match(lenses.get(positionOf(text, 'module "nat"').line)!, /^\$\d+\.\d\d\/mo · 2 × NAT gateway$/);
  assert.equal(lenses.get(positionOf(text, 'module "disabled"').line), undefined, 'count = 0 creates nothing priced: no lens');
});
