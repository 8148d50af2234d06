// The per-VPC rules through the built server over stdio: VPCE201/202/203 published with their
// severities on the VPC and endpoint headers, a quick fix that adds to the user's for_each list,
// and "Fix all VPCE2xx" leaving no VPCE2xx finding (only the VPCE301 hint its titles announce).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/fixes/apply';
import { positionOf } from '../helpers/memoryModule';
import { LspTestClient } from './lspClient';

const MODULE = `provider "aws" {
  region = "eu-west-1"
}

data "aws_region" "current" {}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "public" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.0.0/24"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_nat_gateway" "main" {
  subnet_id = aws_subnet.public.id
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.main.id
  }
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

locals {
  interface_endpoints = ["ssm"]
}

resource "aws_vpc_endpoint" "interface" {
  for_each = toset(local.interface_endpoints)

  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.\${data.aws_region.current.name}.\${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true
}
`;

const FAST = { configuration: { vpceLens: { diagnostics: { debounceMs: 0 } } } };
const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 };

async function opened(): Promise<{ client: LspTestClient; uri: string; diagnostics: Diagnostic[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-missing-'));
  writeFileSync(join(dir, 'main.tf'), MODULE);
  const client = await LspTestClient.start(FAST);
  const uri = client.open(join(dir, 'main.tf'), MODULE);
  return { client, uri, diagnostics: await client.diagnosticsFor(uri, (d) => d.length >= 3) };
}

function actionsAt(client: LspTestClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
}

function applied(action: CodeAction, uri: string): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits && edits.length > 0, `"${action.title}" edits the file`);
  return applyEdits(MODULE, edits);
}

test('VPCE201/202/203 are published where they belong, with their severities and the NAT rate', async () => {
  const { client, diagnostics } = await opened();
  const byCode = new Map(diagnostics.map((d) => [d.code, d]));
  assert.deepEqual([...byCode.keys()].sort(), ['VPCE201', 'VPCE202', 'VPCE203']);
  const vpcLine = positionOf(MODULE, 'resource "aws_vpc" "main"').line;
  assert.equal(byCode.get('VPCE201')!.range.start.line, vpcLine);
  assert.equal(byCode.get('VPCE201')!.severity, SEVERITY.warning);
  assert.match(String(byCode.get('VPCE201')!.message), /through the NAT gateway at \$0\.0480\/GB \(eu-west-1\)/);
  assert.equal(byCode.get('VPCE202')!.severity, SEVERITY.information);
  assert.equal(byCode.get('VPCE203')!.range.start.line, positionOf(MODULE, 'resource "aws_vpc_endpoint" "interface"').line);
  await client.stop();
});

test('the VPCE203 quick fix adds the missing services to the locals list and clears the diagnostic', async () => {
  const { client, uri, diagnostics } = await opened();
  const sessionManager = diagnostics.find((d) => d.code === 'VPCE203')!;
  const fix = (await actionsAt(client, uri, sessionManager)).find((a) => a.kind === 'quickfix' && a.title.startsWith('Add endpoints for ssmmessages and ec2messages'));
  assert.ok(fix);
  const text = applied(fix, uri);
  assert.match(text, /interface_endpoints = \["ssm", "ssmmessages", "ec2messages"\]/);
  client.change(uri, 2, [{ text }]);
  const after = await client.diagnosticsFor(uri, () => true, 2);
  assert.ok(!after.some((d) => d.code === 'VPCE203'), JSON.stringify(after));
  await client.stop();
});

test('fix all VPCE2xx leaves no VPCE2xx finding; the NAT gateway is then reported removable (VPCE301, a hint)', async () => {
  const { client, uri, diagnostics } = await opened();
  const s3 = diagnostics.find((d) => d.code === 'VPCE201')!;
  const fixAll = (await actionsAt(client, uri, s3)).find((a) => a.title.startsWith('Fix all VPCE2xx'));
  assert.ok(fixAll, 'fix all is offered');
  const text = applied(fixAll, uri);
  assert.equal(text.match(/data "aws_region"/g)?.length, 1);
  client.change(uri, 2, [{ text }]);
  const after = await client.diagnosticsFor(uri, () => true, 2);
  assert.deepEqual(after.map((d) => [d.code, d.severity]), [['VPCE301', SEVERITY.hint]], text);
  await client.stop();
});
