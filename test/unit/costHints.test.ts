// Cost inlay hints (core/pricing/hints.ts): what each block's code lens says, at the end of the
// block's first line; a count that cannot be known says so, never $0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costHints } from '../../server/src/core/pricing/hints';
import { costLenses } from '../../server/src/core/pricing/lenses';
import { moduleCosts } from '../../server/src/core/pricing/moduleCosts';
import { analyzeModule, positionOf, ROOT } from '../helpers/memoryModule';

const MAIN = `provider "aws" {
  region = "eu-west-1"
}

variable "services" {
  type = set(string)
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
}

resource "aws_vpc_endpoint" "interface" { # one per service
  for_each          = var.services
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.eu-west-1.\${each.value}"
  vpc_endpoint_type = "Interface"
  subnet_ids        = ["subnet-a", "subnet-b"]
}

resource "aws_nat_gateway" "main" {
  allocation_id = "eipalloc-1"
  subnet_id     = "subnet-a"
}

module "endpoints" {
  source     = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  vpc_id     = "vpc-1"
  subnet_ids = ["subnet-a", "subnet-b"]
  endpoints = {
    ssm = { service = "ssm" }
  }
}
`;

const FILE = `${ROOT}/main.tf`;

/** The end of the line holding `needle`. */
function endOfLine(needle: string): { line: number; character: number } {
  const { line } = positionOf(MAIN, needle);
  return { line, character: MAIN.split('\n')[line]!.length };
}

test('one hint per priced block and module call, at the end of its first line, saying what its lens says', async () => {
  const analysis = await analyzeModule(MAIN);
  const report = moduleCosts(analysis);
  const hints = costHints(analysis.modules, report, FILE, MAIN);
  const lenses = costLenses(analysis.modules, report, FILE, { firstFile: FILE }).filter((l) => !l.summary);
  assert.deepEqual(hints.map((h) => h.label), lenses.map((l) => l.title));
  const at = (header: string) => hints.find((h) => h.position.line === positionOf(MAIN, header).line);
  assert.deepEqual(at('resource "aws_vpc_endpoint" "s3"')?.position, endOfLine('resource "aws_vpc_endpoint" "s3"'));
  assert.match(at('resource "aws_vpc_endpoint" "s3"')!.label, /^\$0\.00\/mo · Gateway \(free\)$/);
  assert.match(at('resource "aws_nat_gateway" "main"')!.label, /^\$[\d,]+\.\d\d\/mo · NAT gateway$/);
  assert.match(at('module "endpoints"')!.label, /^\$[\d,]+\.\d\d\/mo · Interface × 2 AZ$/);
  // After the comment: the end of the line, wherever the brace is.
  assert.deepEqual(at('resource "aws_vpc_endpoint" "interface"')?.position, endOfLine('# one per service'));
  assert.equal(hints.length, 4, 'no module summary hint');
});

test('a block whose instances cannot be counted says the cost is unknown, never $0', async () => {
  const analysis = await analyzeModule(MAIN);
  const hint = costHints(analysis.modules, moduleCosts(analysis), FILE, MAIN).find((h) => h.position.line === positionOf(MAIN, '"interface"').line);
  assert.ok(hint);
  assert.match(hint.label, /unknown/);
  assert.doesNotMatch(hint.label, /\$0/);
});

test('CRLF line endings: the hint goes before the line break', async () => {
  const crlf = MAIN.replace(/\n/g, '\r\n');
  const analysis = await analyzeModule(crlf);
  const hint = costHints(analysis.modules, moduleCosts(analysis), FILE, crlf).find((h) => h.position.line === positionOf(MAIN, '"s3"').line);
  assert.deepEqual(hint?.position, endOfLine('resource "aws_vpc_endpoint" "s3"'));
});
