// Quick fixes are built when first asked for, not on every analysis: a finding's `fixes` is
// built once on first read, and a builder that throws leaves the finding without a fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesWhenAsked } from '../../server/src/core/rules/run';
import type { Finding, Fix } from '../../server/src/core/types';
import { analyzeModule } from '../helpers/memoryModule';

function bareFinding(): Finding {
  return { rule: 'VPCE999', severity: 'info', file: '/m/main.tf', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', fixes: [] };
}

test('a finding builds its fixes on first read only, then keeps them', () => {
  const fix: Fix = { title: 'Do it', edits: [] };
  let builds = 0;
  const finding = bareFinding();
  fixesWhenAsked(finding, 'VPCE999', () => {
    builds++;
    return [fix];
  });
  assert.equal(builds, 0, 'nothing built before a read');
  assert.deepEqual(finding.fixes, [fix]);
  assert.equal(finding.fixes, finding.fixes, 'the same array on every read');
  assert.equal(builds, 1);
  // Copies and serialisations see the fixes like any other property.
  assert.deepEqual({ ...finding }.fixes, [fix]);
  assert.deepEqual(JSON.parse(JSON.stringify(finding)).fixes, [fix]);
  assert.equal(builds, 1);
});

test('a fix builder that throws gives no fix; the finding stays', () => {
  const finding = bareFinding();
  fixesWhenAsked(finding, 'VPCE999', () => {
    throw new Error('cannot');
  });
  const errors: string[] = [];
  const original = console.error;
  console.error = (message: string) => errors.push(message);
  try {
    assert.deepEqual(finding.fixes, []);
  } finally {
    console.error = original;
  }
  assert.equal(finding.message, 'm');
  assert.match(errors.join('\n'), /quick fix of a VPCE999 finding could not be built: Error: cannot/);
});

const MODULE = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_nat_gateway" "nat" {
  subnet_id = aws_subnet.private.id
}

resource "aws_security_group" "endpoints" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}

resource "aws_vpc_endpoint" "ssm" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.ssm"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}
`;

test('in an analysis, the fixes of missing-endpoint and hard-coded-region findings wait until read', async () => {
  const analysis = await analyzeModule(MODULE);
  const lazy = analysis.findings.filter((f) => typeof Object.getOwnPropertyDescriptor(f, 'fixes')?.get === 'function');
  const rules = new Set(lazy.map((f) => f.rule));
  for (const rule of ['VPCE108', 'VPCE201', 'VPCE203']) assert.ok(rules.has(rule), `${rule} builds its fix when asked; lazy: ${[...rules].join(', ')}`);
  // Read, they are real fixes: VPCE108's rewrites the service name through a data source.
  const region = lazy.find((f) => f.rule === 'VPCE108')!;
  assert.match(region.fixes[0]?.edits[0]?.newText ?? '', /^"com\.amazonaws\.\$\{data\.aws_region\.current\.region\}\.ssm"$/);
  assert.ok(lazy.every((f) => f.fixes.length > 0), 'every lazy fix of this module can be built');
});
