// Helpers for tests that drive the real editor through the `vscode` API. Positions are always
// found by searching the document's text, never hard-coded.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'vpce-lens.vpce-lens';
export const DIAGNOSTIC_SOURCE = 'vpce-lens';

/** Deadlines: the first result waits for activation, server start and wasm load; later ones
 * only for one round of analysis. */
export const DEADLINE = { firstResult: 30_000, update: 10_000 } as const;

const POLL_INTERVAL_MS = 50;

/**
 * Polls `probe` until it returns a truthy value and returns that value; throws when
 * `deadlineMs` passes first. `state` describes what was last seen, for the failure message.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  deadlineMs: number,
  what: string,
  state?: () => string,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}${state ? `; last seen: ${state()}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, 'no workspace folder is open (the launcher opens test/editor/workspace)');
  return folder.uri;
}

/** Uri of a file of the fixture workspace, e.g. fixtureUri('syntax-error/main.tf'). */
export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

/** Opens a fixture in an editor (as a user would) and returns its document. */
export async function openFixture(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * Position of `needle` in the document, plus `offset` characters. Without `occurrence` the
 * needle must occur exactly once (so a comment quoting it cannot be picked by mistake);
 * with it, the `occurrence`-th match (0-based) is used.
 */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, occurrence?: number): vscode.Position {
  const text = document.getText();
  const matches: number[] = [];
  for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + 1)) matches.push(index);
  const where = document.uri.path;
  if (occurrence === undefined) {
    assert(matches.length === 1, `"${needle}" occurs ${matches.length} times in ${where}; expected exactly once`);
  }
  const index = matches[occurrence ?? 0];
  assert(index !== undefined, `"${needle}" (occurrence ${occurrence}) not found in ${where}`);
  return document.positionAt(index + offset);
}

export function rangeOf(document: vscode.TextDocument, needle: string, occurrence?: number): vscode.Range {
  const start = positionOf(document, needle, 0, occurrence);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/** Replaces `needle` (which must occur once) through a WorkspaceEdit (undoable, unsaved). */
export async function replaceText(document: vscode.TextDocument, needle: string, replacement: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOf(document, needle), replacement);
  assert(await vscode.workspace.applyEdit(edit), `WorkspaceEdit on ${document.uri.path} was not applied`);
}

/** Inserts text at the end of a document through a WorkspaceEdit. */
export async function appendText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, text);
  assert(await vscode.workspace.applyEdit(edit), `WorkspaceEdit on ${document.uri.path} was not applied`);
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** This extension's diagnostics for `uri`, optionally only those with `code`. */
export function vpceDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && (code === undefined || diagnosticCode(d) === code));
}

export function describeDiagnostics(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (all.length === 0) return 'no diagnostics';
  return all
    .map((d) => `[${d.source ?? '?'} ${diagnosticCode(d) ?? '?'} ${vscode.DiagnosticSeverity[d.severity]} ` +
      `${d.range.start.line + 1}:${d.range.start.character + 1}] ${d.message}`)
    .join('; ');
}

/** Waits until `uri` has at least one diagnostic with `code` and returns them. */
export function waitForDiagnostics(uri: vscode.Uri, code: string, deadlineMs: number): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => { const found = vpceDiagnostics(uri, code); return found.length > 0 && found; },
    deadlineMs, `${code} on ${uri.path}`, () => describeDiagnostics(uri));
}

/** Waits until `uri` has no diagnostic with `code`. */
export async function waitForNoDiagnostics(uri: vscode.Uri, code: string, deadlineMs: number): Promise<void> {
  await waitFor(() => vpceDiagnostics(uri, code).length === 0, deadlineMs, `no ${code} on ${uri.path}`,
    () => describeDiagnostics(uri));
}

function markdownText(content: vscode.MarkdownString | vscode.MarkedString): string {
  return typeof content === 'string' ? content : content.value;
}

/** All hover text at a position, joined (empty string when there is no hover). */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).flatMap((h) => h.contents.map(markdownText)).join('\n');
}

export async function codeLenses(uri: vscode.Uri, resolveCount = 100): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, resolveCount)) ?? [];
}

/** The inlay hints of a whole document, with their labels as text. */
export async function inlayHints(uri: vscode.Uri): Promise<{ line: number; character: number; label: string }[]> {
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, 100_000, 0));
  return (hints ?? []).map((h) => ({
    line: h.position.line, character: h.position.character,
    label: typeof h.label === 'string' ? h.label : h.label.map((part) => part.value).join(''),
  }));
}

export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, kind);
  return (actions ?? []).filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

export async function completionLabels(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider', uri, position, trigger);
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** Waits until the extension is active (activation is left to the editor: never forced). */
export async function waitForActivation(deadlineMs: number): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert(extension, `extension ${EXTENSION_ID} is not installed in this editor`);
  await waitFor(() => extension.isActive, deadlineMs, `${EXTENSION_ID} to activate`);
  return extension;
}

/**
 * Editor settings the tests rely on, whatever the launcher set: no auto-save (tests edit
 * fixtures without saving and revert them; a save in between would leak an edit to disk).
 */
export async function prepareEditor(): Promise<void> {
  const files = vscode.workspace.getConfiguration('files');
  if (files.get('autoSave') !== 'off') await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
}

/** Reverts every unsaved fixture and closes all editors, so tests do not see each other's edits. */
export async function revertAndCloseAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.isClosed) continue;
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A picture the launcher takes of the workbench (test/editor/screenshots.mjs). */
export interface ScreenshotRequest {
  /** The picture's name (`<name>.png` in the launcher's image folder); absent: the run's own screenshot. */
  name?: string;
  /** Point the mouse at the cursor, as a user would, wait for the hover and make it show whole. */
  hover?: boolean;
  /** Wait until an element matching this CSS selector is visible (in a webview frame too)... */
  selector?: string;
  /** ...and its text holds this. */
  text?: string;
  /** Wait until nothing matching this CSS selector is visible (what a setting took away). */
  gone?: string;
}

/**
 * Asks the launcher for a picture, when it asked for pictures (VPCE_EDITOR_SCREENSHOT, a path
 * prefix): writes `<prefix>.request` and waits for `<prefix>.done`, since the extension stops
 * as soon as run() returns. Resolves with what went wrong ('' when nothing did), or undefined
 * when no launcher takes pictures.
 */
export async function requestScreenshot(request: ScreenshotRequest, deadlineMs = 60_000): Promise<string | undefined> {
  const prefix = process.env.VPCE_EDITOR_SCREENSHOT;
  if (!prefix) return undefined;
  rmSync(`${prefix}.done`, { force: true });
  // Renamed into place, so the launcher never reads half a request.
  writeFileSync(`${prefix}.request.partial`, JSON.stringify(request));
  renameSync(`${prefix}.request.partial`, `${prefix}.request`);
  await waitFor(() => existsSync(`${prefix}.done`), deadlineMs, 'the launcher to take its screenshot');
  const answer = JSON.parse(readFileSync(`${prefix}.done`, 'utf8')) as { problem?: string };
  rmSync(`${prefix}.done`, { force: true });
  return answer.problem ?? '';
}

/** Puts the cursor on `needle` (plus `offset`) and scrolls it to `where` in the editor. */
export async function showAt(document: vscode.TextDocument, needle: string, offset = 0, where = vscode.TextEditorRevealType.InCenter): Promise<vscode.Position> {
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const position = positionOf(document, needle, offset);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), where);
  return position;
}

/**
 * Shows a fixture with the cursor on `needle` and a hover open, for the launcher's screenshot of
 * the run. Best effort: without a hover the screenshot is only less telling.
 */
export async function showHoverForScreenshot(relativePath: string, needle: string): Promise<void> {
  const document = await openFixture(relativePath);
  const position = await showAt(document, needle, 1);
  await waitFor(async () => (await hoverText(document.uri, position)).length > 0, 5_000, 'a hover').catch(() => undefined);
  await vscode.commands.executeCommand('editor.action.showHover');
  await requestScreenshot({ hover: true }, 30_000).catch(() => undefined);
}

/** The label text of a completion item (VS Code passes `{ label, description }` when the server
 * sends labelDetails, as vpce-lens does for prices). */
export function itemLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** The completion items at a position, from every provider (vpce-lens, snippets, words). */
export async function completionItems(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider', uri, position, trigger);
  return list?.items ?? [];
}

/** Inserts `text` at `at` through a WorkspaceEdit and returns the position `cursor` characters
 * into it (e.g. between the quotes of a typed `""`). */
export async function typeAt(document: vscode.TextDocument, at: vscode.Position, text: string, cursor = text.length): Promise<vscode.Position> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, at, text);
  assert(await vscode.workspace.applyEdit(edit), `WorkspaceEdit on ${document.uri.path} was not applied`);
  return document.positionAt(document.offsetAt(at) + cursor);
}

/** A short account of code actions, for failure messages. */
export function describeActions(actions: readonly vscode.CodeAction[]): string {
  if (actions.length === 0) return 'no code actions';
  return actions.map((a) => `"${a.title}" (${a.kind?.value ?? 'no kind'}${a.isPreferred ? ', preferred' : ''}` +
    `${a.edit ? ', edit' : ''}${a.command ? `, command ${a.command.command}` : ''})`).join('; ');
}

/**
 * Runs `body` with `vpceLens.*` settings set at workspace level (written to the workspace's
 * .vscode/settings.json), then puts every one back and, when the file did not exist before,
 * deletes it (and .vscode/ when it is left empty), so no test sees another's settings.
 */
export async function withWorkspaceSettings(values: Record<string, unknown>, body: () => Promise<void>): Promise<void> {
  const folder = vscode.Uri.joinPath(workspaceRoot(), '.vscode');
  const file = vscode.Uri.joinPath(folder, 'settings.json');
  const before = await vscode.workspace.fs.readFile(file).then((b) => b, () => undefined);
  const folderExisted = before !== undefined || (await vscode.workspace.fs.stat(folder).then(() => true, () => false));
  const configuration = () => vscode.workspace.getConfiguration('vpceLens');
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, configuration().inspect(key)?.workspaceValue]));
  try {
    for (const [key, value] of Object.entries(values)) {
      await configuration().update(key, value, vscode.ConfigurationTarget.Workspace);
    }
    await body();
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      await configuration().update(key, value, vscode.ConfigurationTarget.Workspace);
    }
    if (before !== undefined) {
      await vscode.workspace.fs.writeFile(file, before);
    } else {
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
      if (!folderExisted) await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
    }
  }
}
