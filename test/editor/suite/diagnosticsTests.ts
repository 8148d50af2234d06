// Rule diagnostics beyond syntax errors, and their quick fixes, in the real editor: where the
// warnings land, a second file of the module changing them, and each quick fix applied as a
// user would (the preferred action's WorkspaceEdit) until the diagnostic goes.
import * as vscode from 'vscode';
import type { EditorTest } from './harness';
import {
  DEADLINE, DIAGNOSTIC_SOURCE, appendText, assert, codeActions, describeActions, describeDiagnostics, diagnosticCode,
  openFixture, positionOf, vpceDiagnostics, waitFor, waitForDiagnostics, waitForNoDiagnostics,
} from './helpers';

const ENDPOINTS = 'endpoints/main.tf';
const SSM_HEADER = 'resource "aws_vpc_endpoint" "ssm"';
const S3_SERVICE = '"com.amazonaws.eu-west-1.s3"';
const QUICK_FIX_DEADLINE_MS = 5_000;

/** The diagnostics with `code` that start on `line`; fails with what there is otherwise. */
async function diagnosticsAt(document: vscode.TextDocument, code: string, line: number): Promise<vscode.Diagnostic[]> {
  await waitForDiagnostics(document.uri, code, DEADLINE.firstResult);
  const atLine = vpceDiagnostics(document.uri, code).filter((d) => d.range.start.line === line);
  assert(atLine.length > 0, `no ${code} starts at line ${line + 1} of ${document.uri.path}; got ${describeDiagnostics(document.uri)}`);
  return atLine;
}

/**
 * The preferred quick fix for `diagnostic`, as VS Code offers it at the diagnostic's range
 * (the lightbulb). Fails with a clear message while the server offers none.
 */
async function preferredQuickFix(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const code = diagnosticCode(diagnostic)!;
  const where = `${code} at ${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}`;
  let offered: vscode.CodeAction[] = [];
  const forThis = (action: vscode.CodeAction) =>
    (action.kind === undefined || vscode.CodeActionKind.QuickFix.contains(action.kind)) &&
    (action.diagnostics === undefined || action.diagnostics.length === 0 || action.diagnostics.some((d) => diagnosticCode(d) === code));
  try {
    await waitFor(async () => {
      offered = await codeActions(document.uri, diagnostic.range);
      return offered.some(forThis);
    }, QUICK_FIX_DEADLINE_MS, `a quick fix for ${where}`);
  } catch {
    throw new Error(`no quick fix is offered for ${where} (the server's code actions: ${describeActions(offered)}); ` +
      'vpce-lens does not answer textDocument/codeAction yet, or not for this diagnostic');
  }
  const fixes = offered.filter(forThis);
  const preferred = fixes.filter((a) => a.isPreferred);
  assert(preferred.length > 0, `quick fixes for ${where}, none of them preferred: ${describeActions(fixes)}`);
  assert(preferred.length === 1, `several preferred quick fixes for ${where}: ${describeActions(preferred)}`);
  return preferred[0]!;
}

/** Applies an action as the editor does: its edit, then its command. Returns the files it edits. */
async function applyAction(action: vscode.CodeAction): Promise<vscode.Uri[]> {
  assert(action.edit || action.command, `"${action.title}" has neither an edit nor a command`);
  const edited = action.edit ? action.edit.entries().map(([uri]) => uri) : [];
  if (action.edit) assert(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" was not applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return edited;
}

/**
 * Applies the preferred quick fix for the `code` diagnostic on the line of `lineNeedle`, waits
 * for that diagnostic to go, checks that the result parses, and reverts every file it edited.
 */
async function quickFixClears(path: string, code: string, lineNeedle: string, check?: (document: vscode.TextDocument) => void): Promise<void> {
  const document = await openFixture(path);
  const line = positionOf(document, lineNeedle).line;
  const [diagnostic] = await diagnosticsAt(document, code, line);
  const countBefore = vpceDiagnostics(document.uri, code).length;
  const action = await preferredQuickFix(document, diagnostic!);
  const edited = await applyAction(action);
  try {
    assert(document.isDirty, `"${action.title}" did not change ${document.uri.path}`);
    // The module may have other `code` diagnostics elsewhere: one fewer, none left on the line.
    const gone = () => {
      const left = vpceDiagnostics(document.uri, code);
      const lineNow = document.getText().includes(lineNeedle) ? positionOf(document, lineNeedle, 0, 0).line : line;
      return left.length < countBefore && !left.some((d) => d.range.start.line === lineNow);
    };
    await waitFor(gone, DEADLINE.update, `${code} to go after "${action.title}"`, () => describeDiagnostics(document.uri));
    assert(vpceDiagnostics(document.uri, 'VPCE000').length === 0, `the file no longer parses after "${action.title}": ${describeDiagnostics(document.uri)}`);
    check?.(document);
  } finally {
    for (const uri of edited) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!open?.isDirty) continue;
      await vscode.window.showTextDocument(open, { preview: false });
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
}

export const diagnosticsEditorTests: EditorTest[] = [
  {
    name: 'an entry of a vpc-endpoints module call without private DNS gets VPCE105 on the entry, and its quick fix edits the entry',
    async run() {
      await quickFixClears('module-entries/main.tf', 'VPCE105', 'logs = {', (document) => {
        const text = document.getText();
        assert(/logs = \{\n\s+service = "logs"\n\s+private_dns_enabled = true\n\s+\}/.test(text),
          `the logs entry does not read private_dns_enabled = true after the fix:\n${text.slice(text.indexOf('endpoints = {'))}`);
      });
    },
  },
  {
    name: 'an interface endpoint without a security group gets a VPCE106 warning on its block',
    smoke: true,
    async run() {
      const document = await openFixture(ENDPOINTS);
      const header = positionOf(document, SSM_HEADER);
      const [found] = await diagnosticsAt(document, 'VPCE106', header.line);
      assert(found!.source === DIAGNOSTIC_SOURCE, `VPCE106's source is "${found!.source}"`);
      assert(found!.severity === vscode.DiagnosticSeverity.Warning, `VPCE106 is not a Warning: ${describeDiagnostics(document.uri)}`);
      assert(found!.range.start.character === header.character, `VPCE106 does not start at the block: ${describeDiagnostics(document.uri)}`);
      assert(/security_group_ids/.test(found!.message), `unexpected VPCE106 message: ${found!.message}`);
    },
  },
  {
    name: 'ssm without ssmmessages and ec2messages gets a VPCE203 warning on the ssm endpoint',
    async run() {
      const document = await openFixture(ENDPOINTS);
      const line = positionOf(document, SSM_HEADER).line;
      const [found] = await diagnosticsAt(document, 'VPCE203', line);
      assert(found!.source === DIAGNOSTIC_SOURCE, `VPCE203's source is "${found!.source}"`);
      assert(found!.severity === vscode.DiagnosticSeverity.Warning, `VPCE203 is not a Warning: ${describeDiagnostics(document.uri)}`);
      assert(found!.message.includes('ssmmessages') && found!.message.includes('ec2messages'),
        `VPCE203 does not name the missing services: ${found!.message}`);
      // The gateway endpoint, which is fine, has no warning.
      const s3Line = positionOf(document, 'resource "aws_vpc_endpoint" "s3"').line;
      const onS3 = vpceDiagnostics(document.uri).filter((d) => d.range.start.line === s3Line && d.severity <= vscode.DiagnosticSeverity.Warning);
      assert(onS3.length === 0, `the s3 gateway endpoint has warnings: ${describeDiagnostics(document.uri)}`);
    },
  },
  {
    name: 'adding ec2messages in a sibling file (unsaved) clears VPCE203 in main.tf',
    async run() {
      const main = await openFixture('split/main.tf');
      const line = positionOf(main, SSM_HEADER).line;
      const [before] = await diagnosticsAt(main, 'VPCE203', line);
      assert(before!.message.includes('ec2messages') && !/lacks[^.]*ssmmessages/.test(before!.message),
        `VPCE203 should miss only ec2messages: ${before!.message}`);
      const sibling = await openFixture('split/messages.tf');
      await appendText(sibling, [
        '',
        'resource "aws_vpc_endpoint" "ec2messages" {',
        '  vpc_id              = aws_vpc.main.id',
        '  service_name        = "com.amazonaws.${data.aws_region.current.name}.ec2messages"',
        '  vpc_endpoint_type   = "Interface"',
        '  subnet_ids          = [for s in aws_subnet.private : s.id]',
        '  security_group_ids  = [aws_security_group.vpc_endpoints.id]',
        '  private_dns_enabled = true',
        '}',
        '',
      ].join('\n'));
      await waitForNoDiagnostics(main.uri, 'VPCE203', DEADLINE.update);
      assert(vpceDiagnostics(sibling.uri, 'VPCE000').length === 0, `the sibling does not parse: ${describeDiagnostics(sibling.uri)}`);
    },
  },
  {
    name: 'the VPCE106 quick fix adds and attaches a security group, and VPCE106 goes',
    smoke: true,
    async run() {
      await quickFixClears(ENDPOINTS, 'VPCE106', SSM_HEADER, (document) => {
        const text = document.getText();
        assert(/security_group_ids\s*=/.test(text), `no security_group_ids after the fix:\n${text}`);
        assert(/resource "aws_vpc_security_group_ingress_rule"|ingress\s*{/.test(text), `no ingress rule after the fix:\n${text}`);
      });
    },
  },
  {
    name: 'the VPCE108 quick fix replaces the hard-coded region in service_name, and VPCE108 goes',
    async run() {
      await quickFixClears(ENDPOINTS, 'VPCE108', S3_SERVICE, (document) => {
        const line = positionOf(document, 'resource "aws_vpc_endpoint" "s3"').line;
        const serviceLine = document.getText(new vscode.Range(line, 0, line + 4, 0)).split('\n').find((l) => l.includes('service_name'));
        assert(serviceLine && !serviceLine.includes('eu-west-1') && serviceLine.includes('${'),
          `service_name after the fix: ${serviceLine}`);
      });
    },
  },
  {
    name: 'the VPCE203 quick fix adds the missing services to the for_each list, and VPCE203 goes',
    async run() {
      await quickFixClears('authoring/main.tf', 'VPCE203', 'resource "aws_vpc_endpoint" "interface"', (document) => {
        const list = document.lineAt(positionOf(document, 'interface_endpoints =').line).text;
        assert(list.includes('"ssmmessages"') && list.includes('"ec2messages"'), `the list after the fix: ${list}`);
      });
    },
  },
];
