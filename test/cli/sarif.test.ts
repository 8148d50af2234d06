// `vpce-lens check --format sarif` from the built CLI: the SARIF 2.1.0 shape (required
// properties, rule index consistency), 1-based regions that match the JSON output's 0-based
// ranges, fixes that apply like the JSON fixes, suppressions, fingerprints and exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type * as Sarif from 'sarif';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { allRuleMetadata } from '../../server/src/core/rules/metadata';
import { positionOf } from '../helpers/memoryModule';

const REPO = resolve(__dirname, '../../..');
const CLI = join(REPO, 'dist/cli.js');

function run(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function moduleDir(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'vpce-lens-sarif-')));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const NETWORK = `data "aws_region" "current" {}

# vpce-lens:ignore VPCE202
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

resource "aws_security_group" "endpoints" {
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }
}
`;

const ENDPOINTS = `resource "aws_vpc_endpoint" "ecr_api" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.\${data.aws_region.current.name}.ecr.api"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}
`;

const FILES = { 'network.tf': NETWORK, 'endpoints.tf': ENDPOINTS };

const LEVELS = new Set(['none', 'note', 'warning', 'error']);

/** The properties SARIF 2.1.0 requires (and a few it recommends that code scanning relies on). */
function shapeProblems(log: Sarif.Log): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  need(log.version === '2.1.0', 'version 2.1.0');
  need(typeof log.$schema === 'string', '$schema');
  need(Array.isArray(log.runs) && log.runs.length === 1, 'one run');
  const run = log.runs[0]!;
  const driver = run.tool?.driver;
  need(driver?.name === 'vpce-lens' && /^\d+\.\d+\.\d+$/.test(driver.version ?? ''), 'tool.driver name and version');
  const rules = driver?.rules ?? [];
  need(new Set(rules.map((r) => r.id)).size === rules.length, 'unique rule ids');
  for (const rule of rules) {
    need(/^VPCE\d{3}$/.test(rule.id), `rule id ${rule.id}`);
    need(rule.shortDescription?.text && rule.fullDescription?.text && rule.help?.text, `${rule.id} descriptions and help`);
    need(LEVELS.has(rule.defaultConfiguration?.level ?? ''), `${rule.id} default level`);
  }
  for (const [i, result] of (run.results ?? []).entries()) {
    const where = `result ${i} (${result.ruleId})`;
    need(result.message?.text, `${where} message.text`);
    need(result.ruleIndex !== undefined && rules[result.ruleIndex]?.id === result.ruleId, `${where} ruleIndex points at its rule`);
    need(LEVELS.has(result.level ?? ''), `${where} level`);
    const physical = result.locations?.[0]?.physicalLocation;
    need(physical?.artifactLocation?.uri, `${where} artifactLocation.uri`);
    need(physical?.artifactLocation?.uriBaseId === undefined || run.originalUriBaseIds?.[physical.artifactLocation.uriBaseId], `${where} uriBaseId is defined`);
    const region = physical?.region;
    need(region && region.startLine! >= 1 && region.startColumn! >= 1, `${where} 1-based region`);
    need(Object.values(result.partialFingerprints ?? {}).every((v) => v.length > 0) && Object.keys(result.partialFingerprints ?? {}).length > 0, `${where} fingerprint`);
    need(Array.isArray(result.suppressions), `${where} suppressions`);
    for (const suppression of result.suppressions ?? []) need(suppression.kind === 'inSource', `${where} suppression kind`);
    for (const fix of result.fixes ?? []) {
      need(fix.description?.text && fix.artifactChanges.length > 0, `${where} fix`);
      for (const change of fix.artifactChanges) {
        need(change.artifactLocation.uri && change.replacements.length > 0, `${where} artifactChange`);
        for (const replacement of change.replacements) need(replacement.deletedRegion.startLine! >= 1 && replacement.deletedRegion.startColumn! >= 1, `${where} 1-based deletedRegion`);
      }
    }
  }
  return problems;
}

interface JsonFinding {
  rule: string;
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  suppressed?: boolean;
  fixes: { title: string; edits: { file: string; range: JsonFinding['range']; newText: string }[] }[];
}

function both(dir: string, extra: string[] = []): { sarif: Sarif.Log; json: JsonFinding[]; code: number | null } {
  const sarif = run(['check', '.', '--format', 'sarif', ...extra], dir);
  const json = run(['check', '.', '--format', 'json', ...extra], dir);
  assert.equal(sarif.stderr, '');
  return { sarif: JSON.parse(sarif.stdout) as Sarif.Log, json: (JSON.parse(json.stdout) as { findings: JsonFinding[] }).findings, code: sarif.code };
}

test('sarif: the required SARIF 2.1.0 shape, every rule of rules.json with help and default level', () => {
  const { sarif } = both(moduleDir(FILES));
  assert.deepEqual(shapeProblems(sarif), []);
  const rules = sarif.runs[0]!.tool.driver.rules!;
  assert.deepEqual(rules.map((r) => r.id), allRuleMetadata().map((r) => r.id));
  const s3 = rules.find((r) => r.id === 'VPCE201')!;
  assert.equal(s3.defaultConfiguration?.level, 'warning');
  assert.match(s3.help!.text, /Gateway endpoints for S3 are free/);
  assert.equal(rules.find((r) => r.id === 'VPCE302')!.defaultConfiguration?.level, 'note');
});

test('sarif: one result per finding, at the JSON finding\'s place plus one, same rule and level; exit code as for text', () => {
  const dir = moduleDir(FILES);
  const { sarif, json, code } = both(dir);
  assert.equal(code, 1, 'VPCE204 is an error without a NAT gateway');
  const results = sarif.runs[0]!.results!;
  assert.deepEqual(results.map((r) => r.ruleId).sort(), json.map((f) => f.rule).sort());
  for (const finding of json) {
    const result = results.find((r) => r.ruleId === finding.rule)!;
    const location = result.locations![0]!.physicalLocation!;
    assert.equal(location.artifactLocation!.uri, finding.file, 'relative to the current directory, like the JSON');
    assert.equal(location.artifactLocation!.uriBaseId, 'SRCROOT');
    assert.deepEqual(
      [location.region!.startLine, location.region!.startColumn, location.region!.endLine, location.region!.endColumn],
      [finding.range.start.line + 1, finding.range.start.character + 1, finding.range.end.line + 1, finding.range.end.character + 1],
    );
  }
  const ecr = results.find((r) => r.ruleId === 'VPCE204')!;
  assert.equal(ecr.level, 'error');
  assert.equal(ecr.locations![0]!.physicalLocation!.region!.startLine, positionOf(ENDPOINTS, 'resource "aws_vpc_endpoint" "ecr_api"').line + 1);
  assert.equal(ecr.locations![0]!.logicalLocations![0]!.fullyQualifiedName, 'aws_vpc_endpoint.ecr_api');
  assert.equal(sarif.runs[0]!.originalUriBaseIds!.SRCROOT!.uri, `file://${dir}/`);
});

test('sarif: fixes as artifactChanges whose replacements apply exactly like the JSON edits', () => {
  const dir = moduleDir(FILES);
  const { sarif, json } = both(dir);
  const withFix = json.filter((f) => f.fixes.length > 0);
  assert.ok(withFix.length >= 2, 'VPCE201 and VPCE204 offer fixes');
  for (const finding of withFix) {
    const result = sarif.runs[0]!.results!.find((r) => r.ruleId === finding.rule)!;
    assert.equal(result.fixes![0]!.description!.text, finding.fixes[0]!.title);
    for (const change of result.fixes![0]!.artifactChanges) {
      const file = join(dir, change.artifactLocation.uri!);
      const text = readFileSync(file, 'utf8');
      const fromSarif = applyEdits(text, change.replacements.map((r) => ({
        range: {
          start: { line: r.deletedRegion.startLine! - 1, character: r.deletedRegion.startColumn! - 1 },
          end: { line: r.deletedRegion.endLine! - 1, character: r.deletedRegion.endColumn! - 1 },
        },
        newText: r.insertedContent!.text!,
      })));
      const fromJson = applyEdits(text, finding.fixes[0]!.edits.filter((e) => join(dir, e.file) === file));
      assert.equal(fromSarif, fromJson);
      assert.notEqual(fromSarif, text);
    }
  }
});

test('sarif: a finding suppressed in the source is a result with an inSource suppression; the others have none', () => {
  const { sarif, json } = both(moduleDir(FILES));
  assert.ok(json.some((f) => f.rule === 'VPCE202' && f.suppressed));
  const results = sarif.runs[0]!.results!;
  const suppressed = results.find((r) => r.ruleId === 'VPCE202')!;
  assert.deepEqual(suppressed.suppressions!.map((s) => s.kind), ['inSource']);
  assert.ok(results.filter((r) => r.ruleId !== 'VPCE202').every((r) => r.suppressions!.length === 0));
});

test('sarif: fingerprints differ per result and survive a change elsewhere in the file', () => {
  const first = both(moduleDir(FILES)).sarif.runs[0]!.results!;
  const fingerprints = first.map((r) => r.partialFingerprints!['vpceLens/v1']);
  assert.equal(new Set(fingerprints).size, fingerprints.length);
  const shifted = both(moduleDir({ ...FILES, 'network.tf': `# a comment line\n\n${NETWORK}` })).sarif.runs[0]!.results!;
  for (const result of first) {
    const again = shifted.find((r) => r.ruleId === result.ruleId)!;
    assert.equal(again.partialFingerprints!['vpceLens/v1'], result.partialFingerprints!['vpceLens/v1'], result.ruleId);
  }
});

test('sarif: --rule overrides are reported as configuration overrides and change levels; off drops results', () => {
  const { sarif, code } = both(moduleDir(FILES), ['--rule', 'VPCE204=warning', '--rule', 'VPCE201=off']);
  assert.equal(code, 0);
  const run0 = sarif.runs[0]!;
  assert.deepEqual(shapeProblems(sarif), []);
  assert.equal(run0.results!.find((r) => r.ruleId === 'VPCE204')!.level, 'warning');
  assert.ok(!run0.results!.some((r) => r.ruleId === 'VPCE201'));
  const overrides = run0.invocations![0]!.ruleConfigurationOverrides!;
  const rules = run0.tool.driver.rules!;
  assert.deepEqual(overrides.map((o) => [o.descriptor.id, rules[o.descriptor.index!]!.id, o.configuration.enabled, o.configuration.level]).sort(), [
    ['VPCE201', 'VPCE201', false, undefined],
    ['VPCE204', 'VPCE204', true, 'warning'],
  ]);
});

test('sarif: a syntax error is a VPCE000 error result at its 1-based position; no findings is an empty result list', () => {
  const broken = 'resource "aws_vpc_endpoint" "x" {\n  vpc_id = \n';
  const { sarif, code } = both(moduleDir({ 'main.tf': broken }));
  assert.equal(code, 1);
  const syntax = sarif.runs[0]!.results!.filter((r) => r.ruleId === 'VPCE000');
  assert.ok(syntax.length >= 1);
  assert.ok(syntax.every((r) => r.level === 'error' && r.locations![0]!.physicalLocation!.region!.startLine! >= 1));
  const clean = both(moduleDir({ 'main.tf': 'locals {\n  a = 1\n}\n' }));
  assert.equal(clean.code, 0);
  assert.deepEqual(clean.sarif.runs[0]!.results, []);
  assert.deepEqual(shapeProblems(clean.sarif), []);
});
