// core/completion: what is offered where, on whole and half-typed text. The cursor is a `|` in
// each fixture (stripped before analysis); expectations are on labels, edits and the text
// after applying an edit, never on positions written by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { completionsAt, type CompletionCandidate } from '../../server/src/core/completion/index';
import { scanAt } from '../../server/src/core/completion/scan';
import { applyEdits } from '../../server/src/core/fixes/apply';
import type { AnalysisSettings } from '../../server/src/core/settings';
import type { Position } from '../../server/src/core/types';
import { analyzeModule, analyzer } from '../helpers/memoryModule';
import { syntaxProblems } from '../grammar/hclSyntax';

const REPO = join(__dirname, '../../..');

// ap-northeast-1: $0.014 per AZ-hour, so an interface endpoint at 2 AZs is $20.44 a month.
const HEADER = `provider "aws" {
  region = "ap-northeast-1"
}

data "aws_region" "current" {}
`;

interface Completion {
  text: string;
  position: Position;
  items: CompletionCandidate[];
  /** The text after accepting the item labelled `label`. */
  accept(label: string): string;
  item(label: string): CompletionCandidate;
}

async function complete(marked: string, settings: Partial<AnalysisSettings> = {}, extraFiles: Record<string, string> = {}): Promise<Completion> {
  const at = marked.indexOf('|');
  assert.ok(at >= 0 && marked.indexOf('|', at + 1) < 0, 'the fixture needs exactly one | cursor');
  const text = marked.slice(0, at) + marked.slice(at + 1);
  const before = text.slice(0, at);
  const position = { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) };
  const analysis = await analyzeModule({ 'main.tf': text, ...extraFiles }, settings);
  const items = completionsAt({ analysis, text, position });
  const item = (label: string) => {
    const found = items.find((i) => i.label === label);
    assert.ok(found, `no item "${label}" among ${items.length}: ${items.slice(0, 12).map((i) => i.label).join(', ')}`);
    return found;
  };
  return { text, position, items, item, accept: (label) => applyEdits(text, [item(label)]) };
}

const labels = (items: CompletionCandidate[]) => items.map((i) => i.label);
const sorted = (items: CompletionCandidate[]) => [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));

function endpoint(body: string): string {
  return `${HEADER}\nresource "aws_vpc_endpoint" "this" {\n  vpc_id = "vpc-1"\n${body}\n}\n`;
}

// ---- service_name ----

test('service_name, nothing typed: full names, written with the region the way the module writes it', async () => {
  const c = await complete(endpoint('  service_name      = "|"\n  vpc_endpoint_type = "Interface"'));
  assert.ok(c.items.length > 300, `expected the whole catalogue, got ${c.items.length}`);
  assert.match(c.accept('ssm'), /service_name {6}= "com\.amazonaws\.\$\{data\.aws_region\.current\.region\}\.ssm"/);
  const ssm = c.item('ssm');
  assert.equal(ssm.price, '$20.44/mo');
  assert.equal(ssm.filterText, 'com.amazonaws.${data.aws_region.current.region}.ssm');
  assert.match(ssm.documentation, /\*\*\$20\.44\/month\*\* in ap-northeast-1 \(2 AZ × \$0\.0140 × 730 h\)/);
  assert.match(ssm.documentation, /defaultAzCount/);
  assert.equal(c.accept('iam').includes('"com.amazonaws.iam"'), true, 'a global service keeps its fixed name');
  assert.ok(c.items.some((i) => i.kind === 'privatelink' && i.newText.startsWith('com.amazonaws.vpce.${data.aws_region.current.region}.vpce-svc-')));
});

test('service_name: the region is written as the module\'s other endpoints write it', async () => {
  const others = `resource "aws_vpc_endpoint" "s3" {\n  vpc_id       = "vpc-1"\n  service_name = "com.amazonaws.\${var.region}.s3"\n}\nvariable "region" {\n  default = "eu-west-1"\n}\n`;
  const c = await complete(endpoint('  service_name = "|"'), {}, { 'other.tf': others });
  assert.match(c.accept('logs'), /"com\.amazonaws\.\$\{var\.region\}\.logs"/);
});

test('service_name: the region data source is read through `.name` when the AWS provider is pinned below v6, as the quick fixes do', async () => {
  const versions = 'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n  }\n}\n';
  const c = await complete(endpoint('  service_name = "|"\n  vpc_endpoint_type = "Interface"'), {}, { 'versions.tf': versions });
  assert.match(c.accept('ssm'), /service_name = "com\.amazonaws\.\$\{data\.aws_region\.current\.name\}\.ssm"/);
  const privateLink = c.items.find((i) => i.kind === 'privatelink');
  assert.ok(privateLink?.newText.startsWith('com.amazonaws.vpce.${data.aws_region.current.name}.vpce-svc-'), privateLink?.newText);
  const admitsV6 = await complete(endpoint('  service_name = "|"'), {}, { 'versions.tf': versions.replace('~> 5.0', '>= 5.0') });
  assert.match(admitsV6.accept('ssm'), /"com\.amazonaws\.\$\{data\.aws_region\.current\.region\}\.ssm"/);
});

test('service_name after com.amazonaws.${…}.: only the service part is replaced', async () => {
  const c = await complete(endpoint('  service_name      = "com.amazonaws.${data.aws_region.current.name}.ss|"\n  vpc_endpoint_type = "Interface"'));
  const ssm = c.item('ssm');
  assert.equal(ssm.newText, 'ssm');
  assert.equal(ssm.filterText, undefined);
  assert.match(c.accept('ssmmessages'), /"com\.amazonaws\.\$\{data\.aws_region\.current\.name\}\.ssmmessages"/);
  assert.ok(!labels(c.items).includes('iam'), 'global names have no region segment');
  assert.ok(!labels(c.items).includes('notebook'), 'SageMaker names start with aws.sagemaker');
  // The cursor in the middle of a dotted name: the whole service part goes.
  const middle = await complete(endpoint('  service_name = "com.amazonaws.us-east-1.ecr.a|pi"\n  vpc_endpoint_type = "Interface"'));
  assert.match(middle.accept('ecr.dkr'), /"com\.amazonaws\.us-east-1\.ecr\.dkr"\n/);
});

test('service_name with a literal region: prices for that region, and a missing closing quote is added', async () => {
  const c = await complete(endpoint('  vpc_endpoint_type = "Interface"\n  service_name = "com.amazonaws.eu-west-1.|'));
  const kms = c.item('kms');
  assert.equal(kms.price, '$16.06/mo', 'eu-west-1 is $0.011 per AZ-hour');
  assert.match(kms.documentation, /region written in the service name/);
  assert.match(c.accept('kms'), /service_name = "com\.amazonaws\.eu-west-1\.kms"\n/);
});

test('service_name, a bare short name typed: full names, matched on the short name', async () => {
  const c = await complete(endpoint('  service_name = "ecr|"\n  vpc_endpoint_type = "Interface"'));
  const dkr = c.item('ecr.dkr');
  assert.equal(dkr.filterText, 'ecr.dkr');
  assert.match(c.accept('ecr.dkr'), /service_name = "com\.amazonaws\.\$\{data\.aws_region\.current\.region\}\.ecr\.dkr"\n/);
});

test('service_name: other naming families and the PrivateLink start', async () => {
  const sagemaker = await complete(endpoint('  service_name = "aws.sagemaker.eu-west-1.|"'));
  assert.deepEqual(labels(sagemaker.items).sort(), ['experiments', 'notebook', 'partner-app', 'studio']);
  const privateLink = await complete(endpoint('  service_name = "com.amazonaws.vpce.|"'));
  assert.deepEqual(labels(privateLink.items), ['${data.aws_region.current.region}.vpce-svc-']);
  const withRegion = await complete(endpoint('  service_name = "com.amazonaws.vpce.eu-west-1.vp|"'));
  assert.match(withRegion.accept('vpce-svc-'), /"com\.amazonaws\.vpce\.eu-west-1\.vpce-svc-"/);
});

test('service_name sorting: a group the module has started first, then what suits the block type', async () => {
  const ssm = `resource "aws_vpc_endpoint" "ssm" {\n  vpc_id = "vpc-1"\n  service_name = "com.amazonaws.ap-northeast-1.ssm"\n  vpc_endpoint_type = "Interface"\n}\n`;
  const c = await complete(endpoint('  service_name = "|"\n  vpc_endpoint_type = "Interface"'), {}, { 'ssm.tf': ssm });
  assert.deepEqual(labels(sorted(c.items).slice(0, 2)), ['ec2messages', 'ssmmessages']);
  assert.match(c.item('ec2messages').detail, /completes Systems Manager/);
  assert.match(c.item('ec2messages').documentation, /Completes \*\*Systems Manager \/ Session Manager\*\*/);

  const gateway = await complete(endpoint('  service_name = "com.amazonaws.us-east-1.|"\n  vpc_endpoint_type = "Gateway"'));
  assert.deepEqual(labels(sorted(gateway.items).slice(0, 3)), ['dynamodb', 's3', 's3express']);
  assert.equal(gateway.item('s3').price, 'free');
  assert.match(gateway.item('sts').detail, /needs vpc_endpoint_type = "Interface"/);
});

// ---- vpc_endpoint_type ----

test('vpc_endpoint_type: Gateway first only for a gateway service, each value with a word and a price', async () => {
  const s3 = await complete(endpoint('  service_name = "com.amazonaws.${data.aws_region.current.name}.s3"\n  vpc_endpoint_type = "|"'));
  assert.deepEqual(labels(sorted(s3.items)), ['Gateway', 'Interface', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork']);
  assert.equal(s3.item('Gateway').preselect, true);
  assert.equal(s3.item('Gateway').price, 'free');
  assert.equal(s3.item('Interface').price, '$20.44/mo');
  assert.match(s3.item('GatewayLoadBalancer').documentation, /billed separately/);
  assert.match(s3.item('Interface').documentation, /Arguments for this type: .*`subnet_ids`/);

  const ssm = await complete(endpoint('  service_name = "com.amazonaws.${data.aws_region.current.name}.ssm"\n  vpc_endpoint_type = "|"'));
  assert.equal(sorted(ssm.items)[0]!.label, 'Interface');
  assert.notEqual(sorted(ssm.items)[1]!.label, 'Gateway');
  const partner = await complete(endpoint('  service_name = "com.amazonaws.vpce.eu-west-1.vpce-svc-0abc"\n  vpc_endpoint_type = "|"'));
  assert.deepEqual(labels(sorted(partner.items)).slice(0, 2), ['Interface', 'GatewayLoadBalancer']);
});

test('vpc_endpoint_type: without quotes the value is inserted quoted; after a value nothing is offered', async () => {
  const bare = await complete(endpoint('  service_name = "com.amazonaws.us-east-1.ssm"\n  vpc_endpoint_type = Int|'));
  assert.match(bare.accept('Interface'), /vpc_endpoint_type = "Interface"\n/);
  const unterminated = await complete(endpoint('  vpc_endpoint_type = "Gat|'));
  assert.match(unterminated.accept('Gateway'), /vpc_endpoint_type = "Gateway"\n/);
  const after = await complete(endpoint('  vpc_endpoint_type = "Interface"|'));
  assert.deepEqual(after.items, []);
});

// ---- arguments ----

test('arguments: those valid for the block type and not written yet, with the type\'s docs', async () => {
  const c = await complete(endpoint('  vpc_endpoint_type = "Interface"\n  service_name      = "com.amazonaws.us-east-1.ssm"\n  |'));
  const offered = labels(c.items);
  for (const name of ['subnet_ids', 'security_group_ids', 'private_dns_enabled', 'dns_options', 'policy', 'tags']) assert.ok(offered.includes(name), name);
  for (const name of ['route_table_ids', 'vpc_id', 'service_name', 'vpc_endpoint_type', 'resource_configuration_arn', 'service_network_arn']) {
    assert.ok(!offered.includes(name), `${name} should not be offered`);
  }
  assert.match(c.item('subnet_ids').documentation, /This endpoint is \*\*Interface\*\*/);
  assert.equal(c.item('private_dns_enabled').snippet, 'private_dns_enabled = ${1|true,false|}');
  assert.match(c.accept('subnet_ids'), /\n  subnet_ids = \n\}/);

  const gateway = await complete(endpoint('  vpc_endpoint_type = "Gateway"\n  r|'));
  assert.ok(labels(gateway.items).includes('route_table_ids'));
  assert.ok(!labels(gateway.items).includes('subnet_ids'));
});

test('arguments without vpc_endpoint_type: the type first, Gateway arguments next, the rest marked', async () => {
  const c = await complete(endpoint('  |'));
  assert.equal(sorted(c.items)[0]!.label, 'vpc_endpoint_type');
  assert.match(c.item('subnet_ids').detail, /set vpc_endpoint_type/);
  assert.ok(c.item('route_table_ids').sortText < c.item('subnet_ids').sortText);
  assert.match(c.item('route_table_ids').documentation, /provider's default/);
});

test('arguments: nested blocks indent like the line, an existing `=` keeps only the name, dns_options has its own', async () => {
  const c = await complete(endpoint('  vpc_endpoint_type = "Interface"\n  dns|'));
  assert.match(c.accept('dns_options'), /\n  dns_options \{\n    \n  \}\n\}/);
  assert.equal(c.item('dns_options').snippet, 'dns_options {\n    $0\n  }');
  const renamed = await complete(endpoint('  vpc_endpoint_type = "Interface"\n  sub| = []'));
  assert.match(renamed.accept('subnet_ids'), /\n  subnet_ids = \[\]\n/);
  const nested = await complete(endpoint('  vpc_endpoint_type = "Interface"\n  dns_options {\n    dns_record_ip_type = "ipv4"\n    |\n  }'));
  assert.deepEqual(labels(nested.items).sort(), ['private_dns_only_for_inbound_resolver_endpoint', 'private_dns_preference', 'private_dns_specified_domains']);
  assert.equal(nested.item('private_dns_preference').snippet, 'private_dns_preference = "${1|ALL_DOMAINS,VERIFIED_DOMAINS_ONLY,VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS,SPECIFIED_DOMAINS_ONLY|}"');
});

// ---- for_each lists ----

const interfaceSet = (list: string) => `${HEADER}
locals {
  interface_endpoints = ${list}
}

resource "aws_vpc_endpoint" "interface" {
  for_each = toset(local.interface_endpoints)

  vpc_id              = "vpc-1"
  service_name        = "com.amazonaws.\${data.aws_region.current.name}.\${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = ["subnet-a", "subnet-b", "subnet-c"]
}
`;

test('locals list driving for_each: services not yet there, group completers marked and first, priced at the endpoint\'s AZs', async () => {
  const c = await complete(interfaceSet('["ssm", "|"]'));
  assert.ok(!labels(c.items).includes('ssm'));
  assert.deepEqual(labels(sorted(c.items).slice(0, 2)), ['ec2messages', 'ssmmessages']);
  const messages = c.item('ssmmessages');
  assert.match(messages.detail, /completes Systems Manager/);
  assert.equal(messages.price, '$30.66/mo', '3 subnets: 3 AZ × $0.014 × 730 h');
  assert.match(messages.documentation, /AZs: the subnets of aws_vpc_endpoint\.interface/);
  assert.match(messages.documentation, /`com\.amazonaws\.\$\{data\.aws_region\.current\.name\}\.ssmmessages`/);
  assert.match(c.accept('ssmmessages'), /interface_endpoints = \["ssm", "ssmmessages"\]/);
  assert.ok(!labels(c.items).includes('iam') && !labels(c.items).includes('notebook'), 'only com.amazonaws.<region>.<name> services fit the template');
  assert.match(c.item('s3').detail, /a Gateway endpoint is free/);
  assert.ok(c.item('s3').sortText > c.item('sts').sortText);

  const ecr = await complete(interfaceSet('[\n    "ecr.api",\n    |\n  ]'));
  assert.equal(sorted(ecr.items)[0]!.label, 'ecr.dkr');
  assert.match(ecr.accept('ecr.dkr'), /"ecr\.api",\n {4}"ecr\.dkr"\n/);
});

test('locals list: half-typed (no closing quote, no closing bracket) still completes', async () => {
  const c = await complete(interfaceSet('["ssm", "ssmm|\n'));
  const result = c.accept('ssmmessages');
  assert.match(result, /interface_endpoints = \["ssm", "ssmmessages"\n/);
});

test('toset([...]) in for_each and lists that drive nothing', async () => {
  const inline = await complete(endpoint('  for_each          = toset(["ecs", "ecs-agent", |])\n  vpc_endpoint_type = "Interface"'));
  assert.equal(sorted(inline.items)[0]!.label, 'ecs-telemetry');
  assert.match(inline.accept('ecs-telemetry'), /toset\(\["ecs", "ecs-agent", "ecs-telemetry"\]\)/);
  const unrelated = await complete(`${HEADER}\nlocals {\n  azs = ["|"]\n}\n`);
  assert.deepEqual(unrelated.items, []);
  const gatewaySet = await complete(`${HEADER}\nlocals {\n  gw = ["s3", "|"]\n}\nresource "aws_vpc_endpoint" "gw" {\n  for_each          = toset(local.gw)\n  vpc_endpoint_type = "Gateway"\n}\n`);
  assert.deepEqual(labels(gatewaySet.items).sort(), ['dynamodb', 's3express']);
});

// ---- half-typed lines end with their line, as in HCL ----

test('half-typed: a bracket left open on an earlier line does not take in the arguments below it', async () => {
  const above = await complete(endpoint('  service_name = "com.amazonaws.us-east-1.s3"\n  route_table_ids = [aws_route_table.a.id\n  vpc_endpoint_type = "|"'));
  assert.deepEqual(labels(sorted(above.items)).slice(0, 2), ['Gateway', 'Interface'], 'the type is read as an argument of its own, ordered for s3');
  const list = await complete(endpoint('  for_each = toset(["s3",\n    |\n  vpc_endpoint_type = "Gateway"'));
  assert.deepEqual(labels(list.items).sort(), ['dynamodb', 's3express'], 'the type below the open list makes it a Gateway list');
});

test('half-typed: a comment after the last element of a list still lets a new element start below it', async () => {
  const c = await complete(`${HEADER}\nlocals {\n  eps = [\n    "ssm", # Session Manager\n    |\n  ]\n}\n\nresource "aws_vpc_endpoint" "i" {\n  for_each          = toset(local.eps)\n  vpc_endpoint_type = "Interface"\n}\n`);
  assert.deepEqual(labels(sorted(c.items).slice(0, 2)), ['ec2messages', 'ssmmessages']);
  assert.match(c.accept('ssmmessages'), /"ssm", # Session Manager\n {4}"ssmmessages"\n/);
});

test('arguments: `vpc_endpoint_type = null` with a comment after it is unset, so the Gateway default orders them', async () => {
  const c = await complete(endpoint('  vpc_endpoint_type = null # the provider\'s default\n  |'));
  assert.match(c.item('route_table_ids').documentation, /provider's default/);
  assert.ok(c.item('route_table_ids').sortText < c.item('subnet_ids').sortText);
});

// ---- elsewhere: nothing ----

test('no items outside endpoint contexts', async () => {
  const places = [
    `${HEADER}\nresource "aws_subnet" "a" {\n  |\n}\n`,
    `${HEADER}\nresource "aws_subnet" "a" {\n  availability_zone = "|"\n}\n`,
    endpoint('  # service_name = "|"'),
    endpoint('  service_name = "com.amazonaws.${data.aws_region.current.|}.s3"'),
    endpoint('  policy = <<EOF\n  {"service_name": "|"}\nEOF'),
    `${HEADER}\nresource "aws_vpc_endpoint" "|" {\n}\n`,
    `${HEADER}\n|`,
    endpoint('  tags = {\n    Name = "|"\n  }'),
    endpoint('  service_name = lower("|")'),
    endpoint('  for_each = toset(["ssm"])\n  service_name = "com.amazonaws.${data.aws_region.current.name}.${each.key}|"'),
  ];
  for (const place of places) {
    const c = await complete(place);
    assert.deepEqual(labels(c.items), [], place);
  }
});

// ---- never throws, never breaks the file ----

const HALF_TYPED = [
  endpoint('  service_name = "com.amazonaws.'),
  endpoint('  service_name = "com.amazonaws.${data.aws_region.current.name}.'),
  `${HEADER}\nlocals {\n  eps = ["ssm", "\n}\nresource "aws_vpc_endpoint" "i" {\n  for_each = toset(local.eps)\n`,
  `resource "aws_vpc_endpoint" "x" {\n  vpc_endpoint_type = "\n  sub\n  dns_options {\n`,
  'resource "aws_vpc_endpoint" "x" {\r\n  service_name = "${"${"}"\r\n  policy = <<-EOT\r\n  x\r\n  EOT\r\n  /* ] } */ vpc_id = 1\r\n}\r\n',
  '"\n{{{[[[(((\n}}}]]])))\n"${\n%{\n<<EOF\n',
];

test('every position of half-typed files: no exception, and every edit stays on the cursor\'s line around the cursor', async () => {
  for (const text of HALF_TYPED) {
    const analysis = await analyzeModule(text);
    const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character <= lines[line]!.length; character++) {
        const items = completionsAt({ analysis, text, position: { line, character } });
        for (const item of items) {
          const { start, end } = item.range;
          assert.ok(start.line === line && end.line === line, `edit on another line at ${line}:${character}`);
          assert.ok(start.character <= character && character <= end.character, `edit away from the cursor at ${line}:${character}: ${JSON.stringify(item.range)}`);
          assert.ok(end.character <= lines[line]!.length, `edit past the line end at ${line}:${character}`);
        }
      }
    }
  }
});

test('the seed example: accepting an item at each endpoint context leaves Terraform that parses', async () => {
  const dir = join(REPO, 'examples/seed');
  const files = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.tf')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  const analysis = await analyzeModule(files);
  // The same text with an empty line in the partner endpoint, where an argument is typed.
  const text = files['endpoints.tf']!.replace('  private_dns_enabled = false\n', '  private_dns_enabled = false\n  \n');
  const at = (needle: string, offset: number): Position => {
    const index = text.indexOf(needle);
    assert.ok(index >= 0, needle);
    const before = text.slice(0, index + offset);
    return { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
  };
  const cases: [Position, string][] = [
    [at('"sts",\n', 1), 'sts'],
    [at('"sts",\n', 7), 'ecs'],
    [at('.s3"', 1), 's3'],
    [at('"Gateway"', 1), 'Gateway'],
    [at('  private_dns_enabled = false\n  \n', 32), 'dns_options'],
  ];
  for (const [position, label] of cases) {
    const items = completionsAt({ analysis, text, position });
    const item = items.find((i) => i.label === label);
    assert.ok(item, `${label} at ${JSON.stringify(position)}: ${items.slice(0, 5).map((i) => i.label).join(', ')}`);
    const edited = applyEdits(text, [item]);
    assert.deepEqual(await syntaxProblems(edited), [], `${label}:\n${edited}`);
  }
  // The seed is in ap-northeast-1 with 2 private subnets: an interface endpoint is $20.44 a month.
  assert.equal(completionsAt({ analysis, text, position: at('"sts",\n', 7) }).find((i) => i.label === 'ecs')?.price, '$20.44/mo');
});

// ---- the scan itself ----

test('scan: strings, interpolations, heredocs and comments do not confuse the block structure', async () => {
  await analyzer(); // the grammar is loaded with it
  const text = [
    'resource "aws_vpc_endpoint" "a" {',
    '  service_name = "x.${lookup({a = "}"}, "a")}.y" # }',
    '  policy = <<-EOT',
    '    { "}": "{" }',
    '    EOT',
    '  /* } */ vpc_endpoint_type = "Interface"',
    '  escaped = "a\\"}$${b}"',
    '}',
    'locals { one = ["a", "b"] }',
  ].join('\n');
  const scan = scanAt(text, text.length);
  assert.deepEqual(scan.blocks.map((b) => [b.type, ...b.labels]), [['resource', 'aws_vpc_endpoint', 'a'], ['locals']]);
  const endpointBlock = scan.blocks[0]!;
  assert.deepEqual(endpointBlock.attributes.map((a) => a.name), ['service_name', 'policy', 'vpc_endpoint_type', 'escaped']);
  assert.equal(endpointBlock.attributes.find((a) => a.name === 'vpc_endpoint_type')?.stringValue, 'Interface');
  assert.equal(endpointBlock.attributes.find((a) => a.name === 'service_name')?.stringValue, undefined, 'an interpolated string is no plain value');
  assert.equal(scan.blocks[1]!.attributes[0]!.valueText, '["a", "b"]');
});
