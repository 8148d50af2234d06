// OpenTofu's *.tofu files are Terraform configuration: listed beside *.tf, and a `x.tofu` replaces
// its `x.tf` twin (opentofu.org/docs/language/files/, "Extension Precedence").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFilesOf, isConfigFile } from '../../server/src/core/configFiles';
import { moduleCosts } from '../../server/src/core/pricing/moduleCosts';
import { DiskModuleFiles } from '../../server/src/diskFiles';
import { analyzeModule } from '../helpers/memoryModule';

const NAT = (name: string) => `resource "aws_nat_gateway" "${name}" {\n  allocation_id = "eipalloc-1"\n  subnet_id     = "subnet-1"\n}\n`;

test('.tf and .tofu are configuration files; .tfvars, .tofu.bak and .hcl are not', () => {
  assert.deepEqual(['a.tf', 'b.tofu', 'c.tfvars', 'd.tofu.bak', 'e.hcl', 'tofu'].map(isConfigFile), [true, true, false, false, false, false]);
  assert.deepEqual(configFilesOf(['/m/a.tf', '/m/b.tofu', '/m/b.tf', '/m/c.tfvars', '/m/main.tf']), ['/m/a.tf', '/m/b.tofu', '/m/main.tf']);
});

test('a module of .tofu files is analysed and priced like one of .tf files', async () => {
  const analysis = await analyzeModule({ 'main.tofu': NAT('main'), 'extra.tf': NAT('extra') });
  assert.deepEqual(analysis.files.map((f) => f.path.split('/').pop()).sort(), ['extra.tf', 'main.tofu']);
  assert.deepEqual(moduleCosts(analysis).resources.map((r) => r.address).sort(), ['aws_nat_gateway.extra', 'aws_nat_gateway.main']);
});

test('x.tofu replaces x.tf: only what OpenTofu reads is analysed', async () => {
  const analysis = await analyzeModule({ 'main.tofu': NAT('tofu'), 'main.tf': NAT('terraform') });
  assert.deepEqual(moduleCosts(analysis).resources.map((r) => r.address), ['aws_nat_gateway.tofu']);
});

test('DiskModuleFiles lists .tofu files, without the .tf twins they replace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-tofu-'));
  for (const name of ['main.tf', 'main.tofu', 'network.tofu', 'vars.tf', 'terraform.tfvars']) writeFileSync(join(dir, name), '');
  const listing = new DiskModuleFiles().list(dir);
  assert.deepEqual(listing.tf, ['main.tofu', 'network.tofu', 'vars.tf'].map((n) => join(dir, n)));
  assert.deepEqual(listing.varFiles, [join(dir, 'terraform.tfvars')]);
});
