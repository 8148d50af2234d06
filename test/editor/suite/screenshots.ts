// Entry point of the picture run (`npm run screenshots`; `run-code-server.mjs --screenshots DIR`):
// puts the editor in each state the README shows (a cost hover, code lenses, inlay hints, a quick
// fix's menu, the cost report) on the `network/` fixture and asks the launcher for a picture of
// it. Each picture is a test: it fails when the state is not reached or the launcher cannot see
// on screen what the picture is meant to show.
import * as vscode from 'vscode';
import { EditorTest, runEditorTests } from './harness';
import {
  DEADLINE, assert, codeLenses, hoverText, openFixture, prepareEditor, requestScreenshot, revertAndCloseAll, showAt, vpceDiagnostics,
  waitFor, withWorkspaceSettings, type ScreenshotRequest,
} from './helpers';

const NETWORK = 'network/main.tf';
/** What the for_each block of 5 interface endpoints × 3 AZ in eu-west-1 costs ($0.011 × 3 × 730 × 5),
 * as its lens and its inlay hint begin. */
const INTERFACE_COST = '$120.45/mo';

async function picture(request: ScreenshotRequest & { name: string }): Promise<void> {
  const problem = await requestScreenshot(request);
  assert(problem !== undefined, 'no launcher takes pictures (VPCE_EDITOR_SCREENSHOT is not set)');
  assert(problem === '', `${request.name}.png: ${problem}`);
}

/** The network module, analysed (its interface block has its lens). */
async function openNetwork(): Promise<vscode.TextDocument> {
  const document = await openFixture(NETWORK);
  await waitFor(async () => (await codeLenses(document.uri)).some((l) => l.command?.title.startsWith(INTERFACE_COST)),
    DEADLINE.firstResult, `the lens "${INTERFACE_COST}"`);
  return document;
}

/** The top of the file with the module total's lens above line 1, the cursor on an empty line
 * (a cursor on a word highlights it). */
async function showTop(document: vscode.TextDocument): Promise<void> {
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const empty = document.getText().split('\n').findIndex((line) => line.trim() === '');
  editor.selection = new vscode.Selection(empty, 0, empty, 0);
  // Revealing line 1 leaves the lens above it out of sight; scrolling up does not.
  await vscode.commands.executeCommand('editorScroll', { to: 'up', by: 'page', value: 100 });
}

async function inlayHintLabels(uri: vscode.Uri): Promise<string[]> {
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, 10_000, 0));
  return (hints ?? []).map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
}

const pictures: EditorTest[] = [
  {
    name: 'cost-hover.png: the hover over a for_each block of interface endpoints, whole',
    async run() {
      const document = await openNetwork();
      // On the block's body, where the hover holds the cost alone (the header has VPCE203 too),
      // the block near the top, so that the hover has the room below it.
      await showAt(document, 'route_table_ids   = [aws_route_table', 0, vscode.TextEditorRevealType.AtTop);
      const at = await showAt(document, 'for_each            = toset', 1, vscode.TextEditorRevealType.Default);
      await waitFor(async () => (await hoverText(document.uri, at)).includes('$120.45'), DEADLINE.update, 'the cost hover');
      await picture({ name: 'cost-hover', hover: true });
    },
  },
  {
    name: 'code-lens.png: the module total and the cost lenses above the endpoints and the NAT gateway',
    async run() {
      const document = await openNetwork();
      await showTop(document);
      await picture({ name: 'code-lens', selector: '.monaco-editor .codelens-decoration', text: 'Module:' });
    },
  },
  {
    name: 'inlay-hints.png: the same costs as inlay hints (vpceLens.costDisplay "hint")',
    async run() {
      const document = await openNetwork();
      await withWorkspaceSettings({ costDisplay: 'hint' }, async () => {
        let seen: string[] = [];
        await waitFor(async () => (seen = await inlayHintLabels(document.uri)).some((l) => l.startsWith(INTERFACE_COST)), DEADLINE.update,
          `the inlay hint "${INTERFACE_COST}"`, () => seen.join(' | '));
        await showTop(document);
        await picture({ name: 'inlay-hints', selector: '.monaco-editor .view-lines', text: INTERFACE_COST, gone: '.monaco-editor .codelens-decoration' });
      });
    },
  },
  {
    name: 'quick-fix.png: the quick fix menu on VPCE203 (Session Manager lacks ec2messages)',
    async run() {
      const document = await openNetwork();
      const diagnostic = await waitFor(() => vpceDiagnostics(document.uri, 'VPCE203')[0], DEADLINE.update, 'VPCE203');
      const editor = await vscode.window.showTextDocument(document, { preview: false });
      // Between the header's labels: in the diagnostic's range, on no word (a word would be
      // highlighted), and far enough left for the menu to fit beside it.
      const header = document.lineAt(diagnostic.range.start.line).text;
      const at = new vscode.Position(diagnostic.range.start.line, header.indexOf('" "') + 2);
      editor.selection = new vscode.Selection(at, at);
      editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.quickFix');
      try {
        await picture({ name: 'quick-fix', selector: '.action-widget', text: 'ec2messages' });
      } finally {
        await vscode.commands.executeCommand('hideCodeActionWidget');
      }
    },
  },
  {
    name: 'cost-report.png: the module\'s cost report (vpce-lens: Show Cost Report)',
    async run() {
      const document = await openNetwork();
      await vscode.commands.executeCommand('vpceLens.showCostReport', document.uri.toString());
      await picture({ name: 'cost-report', selector: 'h2', text: 'vpce-lens cost report' });
    },
  },
];

export async function run(): Promise<void> {
  await prepareEditor();
  // The editor alone, as wide as the window: the sidebar shows the test workspace's folders.
  for (const command of ['workbench.action.closeSidebar', 'workbench.action.closePanel', 'workbench.action.closeAuxiliaryBar', 'notifications.clearAll']) {
    await vscode.commands.executeCommand(command).then(undefined, () => undefined);
  }
  await runEditorTests('pictures', pictures, { afterEach: revertAndCloseAll });
}
