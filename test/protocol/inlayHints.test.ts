// Cost inlay hints (textDocument/inlayHint) and the vpceLens.costDisplay setting that chooses
// between them and code lenses, through the built server over stdio; and OpenTofu's .tofu files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeLens, Hover, InlayHint, InlayHintLabelPart } from 'vscode-languageserver-protocol';
import { positionOf } from '../helpers/memoryModule';
import { hoverText, LspTestClient, REPO } from './lspClient';

const SEED = join(REPO, 'examples/seed');
const INTERFACE_HEADER = 'resource "aws_vpc_endpoint" "interface"';
const WHOLE_FILE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

function label(hint: InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part: InlayHintLabelPart) => part.value).join('');
}

async function hints(client: LspTestClient, uri: string, range = WHOLE_FILE): Promise<InlayHint[]> {
  return (await client.request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri }, range })) ?? [];
}

async function lenses(client: LspTestClient, uri: string): Promise<CodeLens[]> {
  return client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
}

/** Opens the seed's endpoints.tf (its siblings are read from disk) and waits for its analysis. */
async function openEndpoints(client: LspTestClient): Promise<{ uri: string; text: string }> {
  const text = readFileSync(join(SEED, 'endpoints.tf'), 'utf8');
  const uri = client.open(join(SEED, 'endpoints.tf'), text);
  await client.diagnosticsFor(uri, () => true);
  return { uri, text };
}

function withDisplay(costDisplay: string, extra: Record<string, unknown> = {}) {
  return { configuration: { vpceLens: { costDisplay, ...extra } } };
}

test('the server announces inlay hints; by default (costDisplay "lens") it sends none', async () => {
  const client = await LspTestClient.start();
  try {
    assert.ok(client.capabilities.inlayHintProvider);
    const { uri } = await openEndpoints(client);
    assert.deepEqual(await hints(client, uri), []);
    assert.ok((await lenses(client, uri)).length > 0);
  } finally {
    await client.stop();
  }
});

test('costDisplay "hint": the monthly cost at the end of each block\'s first line, the lens text, opening the cost report; no lenses', async () => {
  const client = await LspTestClient.start(withDisplay('hint'));
  try {
    const { uri, text } = await openEndpoints(client);
    const all = await hints(client, uri);
    const line = positionOf(text, INTERFACE_HEADER).line;
    const atInterface = all.find((h) => h.position.line === line);
    assert.ok(atInterface, all.map(label).join('\n'));
    assert.equal(label(atInterface), '$183.96/mo · 9 × Interface × 2 AZ');
    assert.deepEqual(atInterface.position, { line, character: text.split('\n')[line]!.replace(/\r$/, '').length });
    assert.equal(atInterface.paddingLeft, true);
    const part = (atInterface.label as InlayHintLabelPart[])[0]!;
    assert.equal(part.command?.command, 'vpceLens.showCostReport');
    assert.equal(all.filter((h) => label(h) === '$0.00/mo · Gateway (free)').length, 2, all.map(label).join('\n'));
    assert.deepEqual(await lenses(client, uri), []);
    // Only the hints of the range asked for.
    const gatewayLine = positionOf(text, 'resource "aws_vpc_endpoint" "s3"').line;
    const some = await hints(client, uri, { start: { line: gatewayLine, character: 0 }, end: { line: gatewayLine + 1, character: 0 } });
    assert.deepEqual(some.map((h) => h.position.line), [gatewayLine]);
  } finally {
    await client.stop();
  }
});

test('costDisplay "both" shows lenses and hints, "none" neither; codeLens.enabled false still hides the lenses', async () => {
  for (const [settings, lensCount, hintCount] of [
    [withDisplay('both'), 'some', 'some'],
    [withDisplay('none'), 'none', 'none'],
    [withDisplay('both', { codeLens: { enabled: false } }), 'none', 'some'],
    [{ configuration: { vpceLens: { codeLens: { enabled: false } } } }, 'none', 'none'],
  ] as const) {
    const client = await LspTestClient.start(settings);
    try {
      const { uri } = await openEndpoints(client);
      const what = JSON.stringify(settings.configuration);
      assert.equal((await lenses(client, uri)).length > 0 ? 'some' : 'none', lensCount, `lenses with ${what}`);
      assert.equal((await hints(client, uri)).length > 0 ? 'some' : 'none', hintCount, `hints with ${what}`);
    } finally {
      await client.stop();
    }
  }
});

test('a block whose instance count cannot be known: the hint says so, never $0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-hints-'));
  const text = `variable "services" {
  type = set(string)
}

resource "aws_vpc_endpoint" "interface" {
  for_each          = var.services
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.eu-west-1.\${each.value}"
  vpc_endpoint_type = "Interface"
}
`;
  writeFileSync(join(dir, 'main.tf'), text);
  const client = await LspTestClient.start(withDisplay('hint'));
  try {
    const uri = client.open(join(dir, 'main.tf'), text);
    await client.diagnosticsFor(uri, () => true);
    const [hint, ...rest] = await hints(client, uri);
    assert.ok(hint);
    assert.deepEqual(rest, []);
    assert.equal(hint.position.line, positionOf(text, 'resource "aws_vpc_endpoint"').line);
    assert.match(label(hint), /unknown/);
    assert.doesNotMatch(label(hint), /\$0/);
  } finally {
    await client.stop();
  }
});

test('a settings change asks the client to refresh inlay hints as well as code lenses', async () => {
  const client = await LspTestClient.start({ ...withDisplay('hint'), workspace: { inlayHint: { refreshSupport: true }, codeLens: { refreshSupport: true } } });
  try {
    await openEndpoints(client);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('an inlay hint refresh', () => client.inlayHintRefreshes > 0 && client.codeLensRefreshes > 0);
  } finally {
    await client.stop();
  }
});

test('a .tofu document is Terraform: hover, code lens and inlay hint, with its .tf sibling', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-tofu-'));
  writeFileSync(join(dir, 'providers.tf'), 'provider "aws" {\n  region = "eu-west-1"\n}\n');
  const text = 'resource "aws_nat_gateway" "main" {\n  allocation_id = "eipalloc-1"\n  subnet_id     = "subnet-1"\n}\n';
  writeFileSync(join(dir, 'main.tofu'), text);
  const client = await LspTestClient.start(withDisplay('both'));
  try {
    const uri = client.open(join(dir, 'main.tofu'), text);
    await client.diagnosticsFor(uri, () => true);
    const hover = hoverText(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'aws_nat_gateway') }));
    assert.match(hover, /eu-west-1/);
    const titles = (await lenses(client, uri)).map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /^\$[\d.]+\/mo · NAT gateway$/.test(t)), titles.join('\n'));
    assert.deepEqual((await hints(client, uri)).map(label), titles.filter((t) => !t.startsWith('Module:')));
  } finally {
    await client.stop();
  }
});
