// Explicit scope assertions for the tokens that matter most, the coexistence with HashiCorp's
// grammar (docs/highlighting.md), and a lint of the grammar files themselves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  GRAMMAR_CONTRIBUTIONS,
  HASHICORP_SCOPE,
  loadOnigLib,
  MAIN_SCOPE,
  repoRoot,
  ScopedToken,
  tokenize,
  tokensAt,
} from './textmate';

const SAMPLE = `# hash comment com.amazonaws.us-east-1.s3
// slash comment
/* block
   comment */
data "aws_region" "current" {}

resource "aws_vpc_endpoint" "interface" {
  for_each = toset(["ssm", "ecr.dkr"])

  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.\${data.aws_region.current.region}.\${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [for s in aws_subnet.private : s.id if s.map_public_ip_on_launch == false]
  private_dns_enabled = true
  policy              = null
  tags                = { Name = "vpce-\${each.key}", Count = 2 }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_endpoint" "literal" {
  service_name = "com.amazonaws.eu-central-1.ecr.api"
}

resource "aws_vpc_endpoint" "partner" {
  service_name = "com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f67890"
  description  = "unterminated
  vpc_id       = aws_vpc.main.id
}

output "services" {
  value = <<-EOT
    %{ for name in keys(aws_vpc_endpoint.interface) }\${name}%{ endfor }
  EOT
}
`;

function scopesOf(tokens: ScopedToken[]): string {
  return tokens.map((t) => t.scopes.join(' ')).join(' | ');
}

function assertScope(tokens: ScopedToken[], needle: string, scope: string, after = ''): void {
  const covering = tokensAt(SAMPLE, tokens, needle, after);
  for (const token of covering) {
    assert.ok(
      token.scopes.some((s) => s === scope || s.startsWith(`${scope}.`)),
      `"${needle}" should be in ${scope}, got: ${scopesOf(covering)}`,
    );
  }
}

function assertNoScope(tokens: ScopedToken[], needle: string, scopePrefix: string, after = ''): void {
  const covering = tokensAt(SAMPLE, tokens, needle, after);
  for (const token of covering) {
    assert.ok(!token.scopes.some((s) => s.startsWith(scopePrefix)), `"${needle}" should not be in ${scopePrefix}, got: ${scopesOf(covering)}`);
  }
}

test('block types, labels and attributes', async () => {
  const tokens = await tokenize(SAMPLE);
  assertScope(tokens, 'resource', 'storage.type.block');
  assertScope(tokens, 'data', 'storage.type.block');
  assertScope(tokens, 'output', 'storage.type.block');
  assertScope(tokens, 'aws_vpc_endpoint', 'entity.name.type.resource');
  assertScope(tokens, 'interface', 'entity.name.label', 'resource "aws_vpc_endpoint"');
  assertScope(tokens, 'lifecycle', 'entity.name.type.block');
  assertScope(tokens, 'vpc_id', 'variable.other.property');
  assertScope(tokens, 'for_each', 'variable.other.property.meta-argument');
  assertScope(tokens, 'Name', 'meta.mapping.key');
  assertScope(tokens, '{', 'punctuation.section.block.begin', 'resource "aws_vpc_endpoint" "interface" ');
});

test('comments of all three kinds', async () => {
  const tokens = await tokenize(SAMPLE);
  assertScope(tokens, 'hash comment', 'comment.line.number-sign');
  assertScope(tokens, 'slash comment', 'comment.line.double-slash');
  assertScope(tokens, 'comment */', 'comment.block');
  assertNoScope(tokens, 'com.amazonaws.us-east-1.s3', 'meta.endpoint-service-name', '# hash');
});

test('interpolation, template directives and heredocs', async () => {
  const tokens = await tokenize(SAMPLE);
  assertScope(tokens, '${', 'punctuation.section.interpolation.begin', '.${each.key}');
  assertScope(tokens, '${each.key}', 'meta.interpolation', 'service_name        =');
  assertScope(tokens, 'each', 'variable.language', '.${');
  assertScope(tokens, 'key', 'variable.other.member', '.${each.');
  assertScope(tokens, 'vpce-', 'string.quoted.double', 'Name = ');
  assertScope(tokens, '${each.key}', 'meta.interpolation', 'Name = ');
  assertScope(tokens, 'EOT', 'keyword.control.heredoc');
  assertScope(tokens, '%{', 'meta.directive.template', '<<-EOT');
  assertScope(tokens, 'for', 'keyword.control.directive', '<<-EOT');
  assertScope(tokens, 'endfor', 'keyword.control.directive');
  assertScope(tokens, 'keys', 'support.function.builtin', '<<-EOT');
  assertScope(tokens, '${name}', 'string.unquoted.heredoc');
});

test('literals, operators, functions, for expressions and references', async () => {
  const tokens = await tokenize(SAMPLE);
  assertScope(tokens, 'true', 'constant.language.boolean');
  assertScope(tokens, 'false', 'constant.language.boolean');
  assertScope(tokens, 'null', 'constant.language.null');
  assertScope(tokens, '2', 'constant.numeric', 'Count = ');
  assertScope(tokens, '==', 'keyword.operator.comparison');
  assertScope(tokens, 'toset', 'support.function.builtin');
  assertScope(tokens, 'for', 'keyword.control.loop.for', 'subnet_ids');
  assertScope(tokens, 'in', 'keyword.control.loop.in', 'subnet_ids');
  assertScope(tokens, 'if', 'keyword.control.conditional.if', 'subnet_ids');
  assertScope(tokens, 'aws_vpc', 'variable.other.object', 'vpc_id              =');
  assertScope(tokens, 'main', 'variable.other.member', 'vpc_id              =');
  assertScope(tokens, 'data', 'variable.language', 'service_name        =');
});

test('an unterminated string ends at the end of its line', async () => {
  const tokens = await tokenize(SAMPLE);
  assertScope(tokens, 'vpc_id', 'variable.other.property', 'unterminated');
  assertNoScope(tokens, 'vpc_id', 'string', 'unterminated');
});

test('endpoint service names inside strings get their own scopes', async () => {
  const tokens = await tokenize(SAMPLE);
  assertScope(tokens, 'com', 'support.constant.endpoint-service.prefix', 'service_name        =');
  assertScope(tokens, '${data.aws_region.current.region}', 'meta.endpoint-service-name');
  assertScope(tokens, '${data.aws_region.current.region}', 'meta.interpolation');
  assertScope(tokens, 'eu-central-1', 'constant.other.region');
  assertScope(tokens, 'ecr.api', 'support.constant.endpoint-service.name');
  assertScope(tokens, 'vpce', 'support.constant.endpoint-service.prefix', 'partner');
  assertScope(tokens, 'eu-west-1', 'constant.other.region', 'partner');
  assertScope(tokens, 'vpce-svc-0a1b2c3d4e5f67890', 'support.constant.endpoint-service.privatelink');
  assertNoScope(tokens, 'Interface', 'meta.endpoint-service-name');
  assertNoScope(tokens, '"ssm"', 'meta.endpoint-service-name');
});

test('standalone: the grammar loads and highlights when no source.hcl.terraform grammar exists', async () => {
  const tokens = await tokenize(SAMPLE, MAIN_SCOPE);
  assert.ok(tokens.every((t) => !t.scopes.some((s) => s.endsWith('.standin'))));
  assertScope(tokens, 'resource', 'storage.type.block');
});

test('next to HashiCorp: our root defers to source.hcl.terraform and keeps the endpoint injection', async () => {
  const tokens = await tokenize(SAMPLE, MAIN_SCOPE, { withHashicorpStandIn: true });
  assert.equal(tokens[0]!.scopes[0], MAIN_SCOPE);
  assertScope(tokens, 'resource', 'entity.name.type.terraform.standin');
  assertNoScope(tokens, 'resource', 'storage.type.block');
  assertScope(tokens, 'vpc_id', 'variable.other.readwrite.hcl.standin');
  assertScope(tokens, 'eu-central-1', 'constant.other.region');
  assertScope(tokens, 'vpce-svc-0a1b2c3d4e5f67890', 'support.constant.endpoint-service.privatelink');
});

test('next to HashiCorp: with source.hcl.terraform as root, only the endpoint injection is ours', async () => {
  const theirs = await tokenize(SAMPLE, HASHICORP_SCOPE, { withHashicorpStandIn: true });
  assert.equal(theirs[0]!.scopes[0], HASHICORP_SCOPE);
  assertScope(theirs, 'ecr.api', 'support.constant.endpoint-service.name');
  assertScope(theirs, 'com', 'support.constant.endpoint-service.prefix', 'service_name        =');
  // Whichever grammar VS Code picks for the language, the user sees the same tokens wherever the
  // host grammar matches the text. (The stand-in knows no heredocs, so the output block is left out:
  // where a host grammar leaves top-level text unmatched, our own rules fill the gap.)
  const covered = SAMPLE.slice(0, SAMPLE.indexOf('output "services"'));
  const strip = (tokens: ScopedToken[]) => tokens.map((t) => `${t.line}:${t.startIndex}-${t.endIndex} ${t.scopes.slice(1).join(' ')}`);
  assert.deepEqual(
    strip(await tokenize(covered, MAIN_SCOPE, { withHashicorpStandIn: true })),
    strip(await tokenize(covered, HASHICORP_SCOPE, { withHashicorpStandIn: true })),
  );
});

test('package.json contributes exactly the grammars the tests load', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.contributes?.grammars, GRAMMAR_CONTRIBUTIONS);
});

interface RawRule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  patterns?: RawRule[];
  captures?: Record<string, RawRule>;
  beginCaptures?: Record<string, RawRule>;
  endCaptures?: Record<string, RawRule>;
  repository?: Record<string, RawRule>;
}

function walk(rule: RawRule, visit: (rule: RawRule) => void): void {
  visit(rule);
  for (const child of rule.patterns ?? []) walk(child, visit);
  for (const group of [rule.captures, rule.beginCaptures, rule.endCaptures, rule.repository]) {
    for (const child of Object.values(group ?? {})) walk(child, visit);
  }
}

for (const contribution of GRAMMAR_CONTRIBUTIONS) {
  test(`lint ${contribution.path}: includes resolve, regexes compile, scopes carry the grammar's suffix`, async () => {
    const grammar = JSON.parse(readFileSync(path.join(repoRoot, contribution.path), 'utf8')) as RawRule & { scopeName: string };
    assert.equal(grammar.scopeName, contribution.scopeName);
    const suffix = contribution.scopeName === MAIN_SCOPE ? '.terraform' : '.vpce-lens';
    const knownScopes = new Set([MAIN_SCOPE, HASHICORP_SCOPE]);
    const mainRepository = JSON.parse(readFileSync(path.join(repoRoot, GRAMMAR_CONTRIBUTIONS[0]!.path), 'utf8')).repository;
    const onig = await loadOnigLib();

    const { patterns, repository } = grammar; // the root's own name is a display name, not a scope
    walk({ patterns, repository }, (rule) => {
      if (rule.include) {
        const [scope, name] = rule.include.startsWith('#') ? ['', rule.include.slice(1)] : rule.include.split('#');
        if (scope === '') assert.ok(grammar.repository?.[name!], `unresolved include ${rule.include}`);
        else assert.ok(knownScopes.has(scope!), `include of unknown grammar ${rule.include}`);
        if (scope === MAIN_SCOPE && name) assert.ok(mainRepository[name], `unresolved include ${rule.include}`);
      }
      for (const scopeList of [rule.name, rule.contentName]) {
        for (const scope of scopeList?.split(' ') ?? []) assert.ok(scope.endsWith(suffix), `scope ${scope} should end in ${suffix}`);
      }
      for (const source of [rule.match, rule.begin, rule.end]) {
        if (source === undefined || /\\\d/.test(source)) continue; // back-references only compile with their begin
        assert.doesNotThrow(() => onig.createOnigScanner([source]).dispose?.(), `regex does not compile: ${source}`);
      }
    });
  });
}
