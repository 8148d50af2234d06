// Completion through the built server over stdio, on the seed example (ap-northeast-1, two
// private subnets): each endpoint context while typing, explicit text edits, snippets only for
// clients that take them, nothing elsewhere, and a half-typed buffer answered from its text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Position, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { positionOf } from '../helpers/memoryModule';
import { LspTestClient, REPO } from './lspClient';

const SEED = join(REPO, 'examples/seed');
const SEED_FILES = ['endpoints.tf', 'network.tf', 'providers.tf'];
const COMPLETION_CAPABILITIES = { completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } } };

interface Buffer {
  uri: string;
  text: string;
  version: number;
}

async function openSeed(client: LspTestClient): Promise<Map<string, Buffer>> {
  const opened = new Map<string, Buffer>();
  for (const name of SEED_FILES) {
    const text = readFileSync(join(SEED, name), 'utf8');
    opened.set(name, { uri: client.open(join(SEED, name), text), text, version: 1 });
  }
  await client.diagnosticsFor(opened.get('endpoints.tf')!.uri, () => true);
  return opened;
}

/** Types `inserted` at the first `|` of it, placed after `anchor`; returns the cursor position. */
function typeText(client: LspTestClient, buffer: Buffer, anchor: string, inserted: string): Position {
  const offset = buffer.text.indexOf(anchor);
  assert.ok(offset >= 0, `"${anchor}" not found`);
  const start = positionAt(buffer.text, offset + anchor.length);
  const bar = inserted.indexOf('|');
  const text = inserted.replace('|', '');
  buffer.version++;
  client.change(buffer.uri, buffer.version, [{ range: { start, end: start }, text }]);
  buffer.text = applyEdits(buffer.text, [{ range: { start, end: start }, newText: text }]);
  return positionAt(buffer.text, offset + anchor.length + bar);
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
}

async function complete(client: LspTestClient, buffer: Buffer, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> {
  const context = triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
  const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: buffer.uri }, position, context });
  assert.ok(list, 'completion answered null');
  for (const item of list.items) assert.ok(item.textEdit && 'range' in item.textEdit, `${item.label} has no explicit textEdit range`);
  return list.items;
}

function accept(buffer: Buffer, items: CompletionItem[], label: string): string {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no ${label} among ${items.slice(0, 10).map((i) => i.label).join(', ')}`);
  return applyEdits(buffer.text, [item.textEdit as TextEdit]);
}

const NEW_ENDPOINT = '\nresource "aws_vpc_endpoint" "extra" {\n  vpc_id            = aws_vpc.main.id\n  vpc_endpoint_type = "Interface"\n';

test('completion is announced with " and . as trigger characters', async () => {
  const client = await LspTestClient.start();
  try {
    const provider = client.capabilities?.completionProvider;
    assert.ok(provider);
    assert.deepEqual(provider.triggerCharacters, ['"', '.']);
  } finally {
    await client.stop();
  }
});

test('service_name while typing: after `${data.aws_region.current.name}.` only the service part is replaced, priced for the seed', async () => {
  const client = await LspTestClient.start({ textDocument: COMPLETION_CAPABILITIES });
  try {
    const endpoints = (await openSeed(client)).get('endpoints.tf')!;
    const cursor = typeText(client, endpoints, 'private_dns_enabled = false\n}\n', `${NEW_ENDPOINT}  service_name      = "com.amazonaws.\${data.aws_region.current.name}.|"\n}\n`);
    const items = await complete(client, endpoints, cursor, '.');
    const ssm = items.find((i) => i.label === 'ssm')!;
    assert.equal((ssm.textEdit as TextEdit).range.start.character, cursor.character);
    assert.equal(ssm.labelDetails?.description, '$20.44/mo', 'ap-northeast-1, 2 subnets');
    assert.equal(typeof ssm.documentation === 'object' && ssm.documentation.kind, 'markdown');
    assert.match(accept(endpoints, items, 'elasticloadbalancing'), /service_name {6}= "com\.amazonaws\.\$\{data\.aws_region\.current\.name\}\.elasticloadbalancing"/);
  } finally {
    await client.stop();
  }
});

test('vpc_endpoint_type and arguments: values with a word each; arguments by type, as snippets only when the client takes them', async () => {
  for (const snippets of [true, false]) {
    const client = await LspTestClient.start(snippets ? { textDocument: COMPLETION_CAPABILITIES } : {});
    try {
      const endpoints = (await openSeed(client)).get('endpoints.tf')!;
      const cursor = typeText(client, endpoints, 'private_dns_enabled = false\n}\n', `${NEW_ENDPOINT}  |\n}\n`);
      const items = await complete(client, endpoints, cursor);
      const labels = items.map((i) => i.label);
      assert.ok(labels.includes('subnet_ids') && labels.includes('private_dns_enabled') && !labels.includes('route_table_ids') && !labels.includes('vpc_id'));
      const dns = items.find((i) => i.label === 'private_dns_enabled')!;
      if (snippets) {
        assert.equal(dns.insertTextFormat, 2);
        assert.equal((dns.textEdit as TextEdit).newText, 'private_dns_enabled = ${1|true,false|}');
      } else {
        assert.notEqual(dns.insertTextFormat, 2);
        assert.equal((dns.textEdit as TextEdit).newText, 'private_dns_enabled = ');
        assert.equal(dns.labelDetails, undefined, 'no labelDetails for a client without them; the price goes in detail');
      }
      const typeCursor = typeText(client, endpoints, 'resource "aws_vpc_endpoint" "extra" {\n', '  service_name = "com.amazonaws.ap-northeast-1.s3"\n  vpc_endpoint_type = "|"\n');
      const types = await complete(client, endpoints, typeCursor, '"');
      assert.deepEqual(types.map((t) => t.label).sort(), ['Gateway', 'GatewayLoadBalancer', 'Interface', 'Resource', 'ServiceNetwork']);
      assert.equal(types.find((t) => t.preselect)?.label, 'Gateway', 'an S3 endpoint: Gateway first');
    } finally {
      await client.stop();
    }
  }
});

test('the for_each locals list: a half-typed element is completed at once from the buffer text, without what is already listed', async () => {
  const client = await LspTestClient.start({ textDocument: COMPLETION_CAPABILITIES });
  try {
    const endpoints = (await openSeed(client)).get('endpoints.tf')!;
    // No closing quote: the buffer does not parse as it stands; no wait for a new analysis.
    const cursor = typeText(client, endpoints, '    "sts",\n', '    "ec|\n');
    const items = await complete(client, endpoints, cursor, '"');
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('sts') && !labels.includes('ssm') && !labels.includes('ecr.dkr'), 'services already in the list are not offered');
    assert.ok(labels.includes('ecs') && labels.includes('ec2'));
    assert.match(accept(endpoints, items, 'ecs'), /"sts",\n {4}"ecs"\n {2}\]/);
  } finally {
    await client.stop();
  }
});

test('nothing outside endpoint contexts, and nothing for a document that is not open', async () => {
  const client = await LspTestClient.start({ textDocument: COMPLETION_CAPABILITIES });
  try {
    const opened = await openSeed(client);
    const network = opened.get('network.tf')!;
    assert.deepEqual(await complete(client, network, positionOf(network.text, '"10.0.0.0/16"'), '"'), []);
    const endpoints = opened.get('endpoints.tf')!;
    assert.deepEqual(await complete(client, endpoints, positionOf(endpoints.text, 'aws_vpc.main.id'), '.'), []);
    const missing = { uri: 'file:///nowhere/main.tf', text: '', version: 1 };
    assert.deepEqual(await complete(client, missing, { line: 0, character: 0 }), []);
  } finally {
    await client.stop();
  }
});
