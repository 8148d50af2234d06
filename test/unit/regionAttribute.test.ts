// model/regionAttribute.ts and model/versionConstraints.ts: generated Terraform reads
// `data "aws_region"` through `.name` only when the AWS provider constraints rule out v6
// (where `.region` arrives); anything else, including no constraint, gets `.region`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admitsMajorFrom, compareVersions, parseConstraint } from '../../server/src/core/model/versionConstraints';
import { awsVersionConstraints, regionAttribute } from '../../server/src/core/model/regionAttribute';
import { analyzeModule } from '../helpers/memoryModule';

// constraint -> does it admit a 6.x (or later) release?
const ADMITS_V6: [string, boolean][] = [
  ['~> 5.0', false],
  ['~> 5.31', false],
  ['~> 5.31.2', false],
  ['~> 5', false],
  ['~> 4', false],
  ['~>5.0', false],
  ['< 6.0', false],
  ['< 6', false],
  ['<= 5.99.0', false],
  ['>= 4.0, < 6', false],
  ['>= 4.0,< 6.0.0', false],
  ['5.40.0', false],
  ['= 5.1', false],
  ['5', false],
  ['< 6.0.0-beta1', false],
  ['>= 5.0, <= 6.0.0, != 6.0.0', false],
  ['>= 5.0', true],
  ['> 5.0', true],
  ['>= 4.0, < 7', true],
  ['~> 6.0', true],
  ['~> 6', true],
  ['~> 5.0, >= 5.0', false],
  ['6.0.0', true],
  ['= 6.0.0-beta1', true],
  ['>= 6.0.0-beta1, < 6.0.0', true],
  ['>= 5.0, <= 6.0.0, != 6.0.0-beta1', true],
  ['>= 5.9, != 6.0.0', true],
  ['> 6.2.3, < 6.2.4', false],
  ['>= 7.0', true],
  ['!= 5.0.0', true],
];

test('version constraints: does the constraint admit a version from 6 on?', () => {
  for (const [constraint, admits] of ADMITS_V6) {
    const terms = parseConstraint(constraint);
    assert.ok(terms, `${constraint} parses`);
    assert.equal(admitsMajorFrom(terms, 6), admits, constraint);
  }
});

test('version constraints: what cannot be read is undefined, not a guess', () => {
  for (const constraint of ['', 'latest', '~> five', '>= 5.0,', '5.0.0.1', '=> 5.0', '^5.0']) {
    assert.equal(parseConstraint(constraint), undefined, constraint);
  }
});

test('version order: numbers, then a pre-release before its release', () => {
  const v = (text: string) => parseConstraint(text)![0]!.version;
  const ordered = ['5.9.0', '5.10.0', '6.0.0-alpha', '6.0.0-alpha.1', '6.0.0-alpha.beta', '6.0.0-beta.2', '6.0.0-beta.11', '6.0.0-rc.1', '6.0.0', '6.0.1'];
  for (let i = 0; i + 1 < ordered.length; i++) {
    assert.ok(compareVersions(v(ordered[i]!), v(ordered[i + 1]!)) < 0, `${ordered[i]} < ${ordered[i + 1]}`);
  }
  assert.equal(compareVersions(v('5'), v('5.0.0')), 0);
});

const requiring = (entry: string) => `terraform {\n  required_providers {\n    ${entry}\n  }\n}\n`;

// module text -> the attribute generated Terraform reads
const MODULES: [string, string, 'name' | 'region'][] = [
  ['no terraform block', 'data "aws_region" "current" {}\n', 'region'],
  ['required_providers without aws', requiring('random = { source = "hashicorp/random", version = "~> 3.0" }'), 'region'],
  ['aws without a version', requiring('aws = { source = "hashicorp/aws" }'), 'region'],
  ['pinned to ~> 5.0', requiring('aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }'), 'name'],
  ['admits v6 (>= 5.0)', requiring('aws = { source = "hashicorp/aws", version = ">= 5.0" }'), 'region'],
  ['~> 6.0', requiring('aws = { source = "hashicorp/aws", version = "~> 6.0" }'), 'region'],
  ['old string syntax', requiring('aws = "~> 4.0"'), 'name'],
  ['a full registry source', requiring('aws = { source = "registry.terraform.io/hashicorp/aws", version = "< 6" }'), 'name'],
  ['another local name for hashicorp/aws', requiring('amazon = { source = "hashicorp/aws", version = "~> 5.31" }'), 'name'],
  ['a provider named aws from elsewhere', requiring('aws = { source = "example/aws", version = "~> 1.0" }'), 'region'],
  ['an unreadable constraint', requiring('aws = { source = "hashicorp/aws", version = "five-ish" }'), 'region'],
  ['the legacy provider version argument', 'provider "aws" {\n  version = "~> 3.0"\n  region  = "eu-west-1"\n}\n', 'name'],
  ['two files, together ruling v6 out', `${requiring('aws = { source = "hashicorp/aws", version = ">= 4.0" }')}terraform {\n  required_providers {\n    aws = { version = "< 6.0" }\n  }\n}\n`, 'name'],
  ['constraints no version meets', `${requiring('aws = { source = "hashicorp/aws", version = "~> 6.0" }')}provider "aws" {\n  version = "~> 5.0"\n}\n`, 'region'],
];

test('regionAttribute: name only when the module\'s AWS provider constraints rule out v6', async () => {
  for (const [label, text, expected] of MODULES) {
    const analysis = await analyzeModule(text);
    assert.equal(regionAttribute([analysis.root.evaluator.module]), expected, label);
  }
});

test('awsVersionConstraints reads required_providers entries and the legacy provider argument', async () => {
  const analysis = await analyzeModule({
    'versions.tf': requiring('aws = { source = "hashicorp/aws", version = "~> 5.0" }\n    random = "~> 3.0"'),
    'providers.tf': 'provider "aws" {\n  version = ">= 4.0"\n}\n',
  });
  assert.deepEqual(awsVersionConstraints(analysis.root.evaluator.module).sort(), ['>= 4.0', '~> 5.0']);
});

test('regionAttribute: a local child module\'s constraint binds the whole configuration', async () => {
  const analysis = await analyzeModule({
    'main.tf': 'module "endpoints" {\n  source = "./modules/endpoints"\n}\n',
    'modules/endpoints/versions.tf': requiring('aws = { source = "hashicorp/aws", version = ">= 4.0, < 6.0" }'),
  });
  const configuration = analysis.modules.map((m) => m.evaluator.module);
  assert.equal(configuration.length, 2, 'the child module is read');
  assert.equal(regionAttribute([analysis.root.evaluator.module]), 'region');
  assert.equal(regionAttribute(configuration), 'name');
});
