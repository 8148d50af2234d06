// Writing Terraform with vpce-lens in the real editor: completion in endpoint contexts (what
// core/completion offers, through the LanguageClient and VS Code's completion API) and the
// extension's snippets. Each test types into a fixture without saving; the harness reverts it.
// authoring/ is in eu-west-1 with two subnets: an interface endpoint costs $16.06/mo there.
import * as vscode from 'vscode';
import type { EditorTest } from './harness';
import {
  DEADLINE, EXTENSION_ID, assert, completionItems, describeDiagnostics, itemLabel, openFixture, positionOf,
  typeAt, vpceDiagnostics, waitFor, waitForDiagnostics, waitForNoDiagnostics,
} from './helpers';

const AUTHORING = 'authoring/main.tf';
const SNIPPETS = 'snippets/main.tf';
const INTERFACE_PRICE = '$16.06/mo';

/** vpce-lens's own items: not the snippet provider's, not word-based suggestions. */
function serverItems(items: readonly vscode.CompletionItem[]): vscode.CompletionItem[] {
  return items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet && i.kind !== vscode.CompletionItemKind.Text);
}

function describeItems(items: readonly vscode.CompletionItem[], max = 12): string {
  if (items.length === 0) return 'no items';
  return items.slice(0, max).map((i) => `${itemLabel(i)} [${i.kind === undefined ? '?' : vscode.CompletionItemKind[i.kind]}]`).join(', ') +
    (items.length > max ? `, … (${items.length} in all)` : '');
}

/** The price VS Code shows for an item: labelDetails' description, else the detail. */
function shownPrice(item: vscode.CompletionItem): string {
  return [typeof item.label === 'string' ? '' : item.label.description ?? '', item.detail ?? ''].join(' ');
}

/** Accepts an item the way the editor does: its insert text (snippet or plain) over its range. */
async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem, at: vscode.Position): Promise<void> {
  const range = item.range === undefined ? new vscode.Range(at, at) : 'replacing' in item.range ? item.range.replacing : item.range;
  const text = item.insertText ?? itemLabel(item);
  const snippet = typeof text === 'string' ? new vscode.SnippetString(text.replace(/[$}\\]/g, '\\$&')) : text;
  assert(await editor.insertSnippet(snippet, range), `inserting ${itemLabel(item)} failed`);
}

/** Polls completion at `at` until `accept` likes the items (the first request may come before
 * the server is up). */
async function waitForItems(
  document: vscode.TextDocument, at: vscode.Position, trigger: string | undefined, what: string,
  ok: (items: vscode.CompletionItem[]) => boolean,
): Promise<vscode.CompletionItem[]> {
  let seen: vscode.CompletionItem[] = [];
  return waitFor(async () => {
    seen = await completionItems(document.uri, at, trigger);
    return ok(seen) && seen;
  }, DEADLINE.firstResult, what, () => describeItems(seen));
}

/** A new endpoint block at the end of authoring/main.tf; `|` marks the cursor. */
async function typeNewEndpoint(document: vscode.TextDocument, body: string): Promise<vscode.Position> {
  const block = `\nresource "aws_vpc_endpoint" "extra" {\n  vpc_id            = aws_vpc.main.id\n${body}}\n`;
  const end = document.lineAt(document.lineCount - 1).range.end;
  return typeAt(document, end, block.replace('|', ''), block.indexOf('|'));
}

export const authoringEditorTests: EditorTest[] = [
  {
    name: 'completion in an entry of a vpc-endpoints module call offers its keys, then the short service names',
    async run() {
      const document = await openFixture('module-entries/main.tf');
      await vscode.window.showTextDocument(document);
      const at = positionOf(document, 'private_dns_enabled = true', 'private_dns_enabled = true'.length);
      const cursor = await typeAt(document, at, '\n      ', '\n      '.length);
      const keys = serverItems(await waitForItems(document, cursor, undefined, 'entry keys',
        (all) => all.some((i) => itemLabel(i) === 'subnet_ids')));
      const labels = keys.map(itemLabel);
      assert(!labels.includes('service') && !labels.includes('private_dns_enabled'), `keys already written are offered: ${describeItems(keys)}`);
      assert(labels.includes('security_group_ids') && labels.includes('route_table_ids'), `entry keys missing: ${describeItems(keys)}`);
      const serviceLine = positionOf(document, 'service             = "sts"', 'service             = "'.length);
      const items = await waitForItems(document, serviceLine, '"', 'short service names',
        (all) => all.some((i) => itemLabel(i) === 'ssmmessages'));
      const services = serverItems(items);
      assert(services.some((i) => itemLabel(i) === 'ecr.dkr') && !services.some((i) => itemLabel(i).startsWith('com.amazonaws')),
        `not short names: ${describeItems(services)}`);
      assert(shownPrice(services.find((i) => itemLabel(i) === 'ssmmessages')!).includes(INTERFACE_PRICE), 'ssmmessages shows no interface price');
    },
  },
  {
    name: 'completion after `com.amazonaws.${data.aws_region.current.name}.` offers endpoint services with their price',
    smoke: true,
    async run() {
      const document = await openFixture(AUTHORING);
      const editor = await vscode.window.showTextDocument(document);
      const cursor = await typeNewEndpoint(document,
        '  vpc_endpoint_type = "Interface"\n  service_name      = "com.amazonaws.${data.aws_region.current.name}.|"\n');
      const items = await waitForItems(document, cursor, '.', 'service names',
        (all) => all.some((i) => itemLabel(i) === 'ssmmessages'));
      const ssmmessages = items.find((i) => itemLabel(i) === 'ssmmessages')!;
      assert(shownPrice(ssmmessages).includes(INTERFACE_PRICE),
        `ssmmessages shows no ${INTERFACE_PRICE} (eu-west-1, 2 AZ): label ${JSON.stringify(ssmmessages.label)}, detail "${ssmmessages.detail}"`);
      const offered = serverItems(items).map(itemLabel);
      for (const service of ['ec2messages', 'logs', 'ecr.api', 's3']) {
        assert(offered.includes(service), `${service} is not offered: ${describeItems(serverItems(items))}`);
      }

      await accept(editor, ssmmessages, cursor);
      const line = document.lineAt(cursor.line).text;
      assert(line.includes('service_name      = "com.amazonaws.${data.aws_region.current.name}.ssmmessages"'),
        `after accepting ssmmessages the line reads: ${line}`);
    },
  },
  {
    name: 'completion in vpc_endpoint_type = "" offers the endpoint types, Gateway preselected for s3',
    async run() {
      const document = await openFixture(AUTHORING);
      const cursor = await typeNewEndpoint(document,
        '  service_name      = "com.amazonaws.${data.aws_region.current.name}.s3"\n  vpc_endpoint_type = "|"\n');
      const items = await waitForItems(document, cursor, '"', 'endpoint types',
        (all) => all.some((i) => itemLabel(i) === 'Gateway'));
      const types = serverItems(items);
      const labels = types.map(itemLabel);
      assert(labels.includes('Interface') && labels.includes('Gateway'), `Interface or Gateway missing: ${describeItems(types)}`);
      assert(types.every((i) => i.kind === vscode.CompletionItemKind.EnumMember),
        `not every endpoint type is an enum member: ${describeItems(types)}`);
      const preselected = types.filter((i) => i.preselect).map(itemLabel);
      assert(preselected.length === 1 && preselected[0] === 'Gateway', `preselected for s3: ${preselected.join(', ') || 'none'}`);
    },
  },
  {
    name: 'completion in the locals list driving for_each puts ssmmessages and ec2messages first after "ssm"',
    async run() {
      const document = await openFixture(AUTHORING);
      const at = positionOf(document, '["ssm"]', '["ssm"'.length);
      const cursor = await typeAt(document, at, ', ""', ', "'.length);
      const items = await waitForItems(document, cursor, '"', 'service list elements',
        (all) => all.some((i) => itemLabel(i) === 'ssmmessages'));
      const services = serverItems(items);
      assert(!services.some((i) => itemLabel(i) === 'ssm'), 'ssm, already in the list, is offered again');
      const sorted = [...services].sort((a, b) => (a.sortText ?? itemLabel(a)).localeCompare(b.sortText ?? itemLabel(b)));
      const firstTwo = sorted.slice(0, 2).map(itemLabel).sort();
      assert(firstTwo.join(',') === 'ec2messages,ssmmessages',
        `the first items are not ssmmessages and ec2messages: ${describeItems(sorted, 5)}`);
      for (const item of sorted.slice(0, 2)) {
        assert(/completes/i.test(item.detail ?? ''), `${itemLabel(item)} does not say what it completes: "${item.detail}"`);
        assert(shownPrice(item).includes(INTERFACE_PRICE), `${itemLabel(item)} shows no ${INTERFACE_PRICE}: "${shownPrice(item)}"`);
      }
    },
  },
  {
    name: 'the vpce-* snippets are offered at the start of a line, and vpce-gateway inserts an endpoint that parses',
    smoke: true,
    async run() {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert(extension, `${EXTENSION_ID} is not installed`);
      const contributed = (extension.packageJSON.contributes?.snippets ?? []) as { language: string; path: string }[];
      const snippetFile = contributed.find((s) => s.language === 'terraform');
      assert(snippetFile, 'the extension contributes no terraform snippets');
      const raw = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, snippetFile.path));
      const prefixes = Object.values(JSON.parse(Buffer.from(raw).toString('utf8')) as Record<string, { prefix: string }>)
        .map((s) => s.prefix);
      assert(prefixes.length > 0 && prefixes.every((p) => p.startsWith('vpce-')), `unexpected snippet prefixes: ${prefixes.join(', ')}`);

      const document = await openFixture(SNIPPETS);
      const editor = await vscode.window.showTextDocument(document);
      await waitForDiagnostics(document.uri, 'VPCE201', DEADLINE.firstResult);
      const lineStart = new vscode.Position(document.lineCount - 1, 0);
      assert(document.lineAt(lineStart.line).isEmptyOrWhitespace, 'the fixture does not end with an empty line');
      const snippetItems = (all: vscode.CompletionItem[]) => all.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
      const items = await waitForItems(document, lineStart, undefined, `the snippets ${prefixes.join(', ')}`,
        (all) => prefixes.every((p) => snippetItems(all).some((i) => itemLabel(i) === p)));

      const gateway = snippetItems(items).find((i) => itemLabel(i) === 'vpce-gateway')!;
      assert(gateway.insertText instanceof vscode.SnippetString, 'vpce-gateway does not insert a snippet');
      await accept(editor, gateway, lineStart);
      const text = document.getText();
      assert(text.includes('resource "aws_vpc_endpoint" "s3" {') &&
        text.includes('"com.amazonaws.${data.aws_region.current.region}.s3"'), `the snippet inserted: ${text.slice(document.offsetAt(lineStart))}`);
      // VPCE201 (no S3 Gateway endpoint) goes once the server has analysed the inserted block,
      // so the absence of VPCE000 below is a result for the new text, not an old one.
      await waitForNoDiagnostics(document.uri, 'VPCE201', DEADLINE.update);
      assert(vpceDiagnostics(document.uri, 'VPCE000').length === 0, `the inserted snippet does not parse: ${describeDiagnostics(document.uri)}`);
      const errors = vpceDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert(errors.length === 0, `the inserted endpoint has errors: ${describeDiagnostics(document.uri)}`);
    },
  },
];
