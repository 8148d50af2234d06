// Completion inside the `endpoints` map of a terraform-aws-modules vpc-endpoints call: keys of an
// entry, short names for `service`, the module's types for `service_type`, full names for
// `service_endpoint`; nothing in the map's own keys or in other module calls. The cursor is `|`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, type CompletionCandidate } from '../../server/src/core/completion/index';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { analyzeModule } from '../helpers/memoryModule';

const HEADER = `provider "aws" {
  region = "ap-northeast-1"
}
`;

function call(entries: string, source = 'terraform-aws-modules/vpc/aws//modules/vpc-endpoints'): string {
  return `${HEADER}
module "endpoints" {
  source  = "${source}"
  version = "~> 5.0"

  vpc_id     = "vpc-0a"
  subnet_ids = ["subnet-0a", "subnet-0b"]

  endpoints = {
${entries}
  }
}
`;
}

async function complete(marked: string): Promise<{ items: CompletionCandidate[]; accept(label: string): string }> {
  const at = marked.indexOf('|');
  assert.ok(at >= 0 && marked.indexOf('|', at + 1) < 0, 'exactly one | cursor');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at);
  const position = { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
  const analysis = await analyzeModule({ 'main.tf': text });
  const items = completionsAt({ analysis, text, position });
  return {
    items,
    accept: (label) => {
      const item = items.find((i) => i.label === label);
      assert.ok(item, `no "${label}" among ${items.map((i) => i.label).join(', ')}`);
      return applyEdits(text, [item]);
    },
  };
}

const labels = (items: CompletionCandidate[]) => items.map((i) => i.label);

test('a key in an entry: the arguments the module reads, not those written, Interface ones first', async () => {
  const { items, accept } = await complete(call(`    kms = {
      service = "kms"
      |
    }`));
  const names = labels(items);
  assert.ok(names.includes('private_dns_enabled') && names.includes('subnet_ids') && names.includes('service_type'), names.join(', '));
  assert.ok(!names.includes('service') && !names.includes('service_endpoint'), 'service is written; service_endpoint is its alternative');
  const order = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
  assert.ok(order.indexOf('private_dns_enabled') < order.indexOf('route_table_ids'), 'route_table_ids is ignored for the Interface default, so it comes last');
  assert.match(items.find((i) => i.label === 'route_table_ids')!.detail, /ignored for Interface/);
  assert.match(accept('private_dns_enabled'), /\n {6}private_dns_enabled = \n/);
});

test('a key in a Gateway entry: route_table_ids fits, private DNS does not', async () => {
  const { items } = await complete(call(`    s3 = {
      service      = "s3"
      service_type = "Gateway"
      rou|
    }`));
  const route = items.find((i) => i.label === 'route_table_ids')!;
  const dns = items.find((i) => i.label === 'private_dns_enabled')!;
  assert.ok(route.sortText < dns.sortText);
  assert.match(dns.detail, /ignored for Gateway/);
});

test('service: short names; a Gateway entry gets only the gateway services, free', async () => {
  const iface = await complete(call(`    ecr_api = { service = "ecr.api" }
    ecr_dkr = { service = "ecr.d|" }`));
  assert.ok(labels(iface.items).includes('ssm'));
  const dkr = iface.items.find((i) => i.label === 'ecr.dkr')!;
  assert.match(dkr.detail, /completes/, 'ecr.dkr completes the ECR group ecr.api started');
  assert.match(iface.accept('ecr.dkr'), /ecr_dkr = \{ service = "ecr\.dkr" \}/);
  const gateway = await complete(call(`    s3 = {
      service_type = "Gateway"
      service      = "|"
    }`));
  assert.deepEqual(labels(gateway.items).sort(), ['dynamodb', 's3', 's3express']);
  assert.ok(gateway.items.every((i) => i.price === 'free'));
});

test('service_type: the two types the module supports, Gateway first for s3', async () => {
  const { items, accept } = await complete(call(`    s3 = {
      service      = "s3"
      service_type = "|"
    }`));
  assert.deepEqual(labels(items).sort(), ['Gateway', 'Interface']);
  assert.equal(items.find((i) => i.preselect)?.label, 'Gateway');
  assert.match(accept('Gateway'), /service_type = "Gateway"/);
});

test('service_endpoint: full names in the module region', async () => {
  const { items } = await complete(call(`    kms = {
      service_endpoint = "|"
    }`));
  const kms = items.find((i) => i.newText === 'com.amazonaws.ap-northeast-1.kms');
  assert.ok(kms, `no full kms name in the call's region: ${items.slice(0, 5).map((i) => i.newText).join(', ')}`);
  assert.ok(items.every((i) => !i.newText.includes('<region>')), 'names are written in the region, never as a template');
});

test('nothing in the map keys, in other values, or in another module call', async () => {
  assert.deepEqual((await complete(call(`    |`))).items, [], 'an entry key is the user\'s own name');
  assert.deepEqual((await complete(call(`    kms = { service = "kms", tags = { Name = "|" } }`))).items, []);
  assert.deepEqual((await complete(call(`    kms = {
      |
    }`, 'terraform-aws-modules/security-group/aws'))).items, []);
});

test('the entries of a merge() and an unclosed string still complete', async () => {
  const text = `${HEADER}
module "endpoints" {
  source = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  vpc_id = "vpc-0a"

  endpoints = merge(local.shared, {
    logs = { service = "lo| }
  })
}
`;
  const { items } = await complete(text);
  assert.ok(labels(items).includes('logs'));
});
