// Entry point of the smoke run against the extension installed from the VSIX (the launcher's
// extensionDevelopmentPath is then an empty host extension, not the repository).
import * as vscode from 'vscode';
import { EditorTest, runEditorTests } from './harness';
import { EXTENSION_ID, assert, prepareEditor, revertAndCloseAll, showHoverForScreenshot } from './helpers';
import { editorTests } from './tests';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

const packagedExtensionTest: EditorTest = {
  name: 'the extension runs from the installed VSIX, which holds only what runs',
  async run() {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert(extension, `${EXTENSION_ID} is not installed`);
    const version = String(extension.packageJSON.version);
    assert(extension.extensionUri.path.endsWith(`/${EXTENSION_ID}-${version}`),
      `${EXTENSION_ID} runs from ${extension.extensionUri.path}, not from an installed VSIX`);
    for (const needed of ['package.json', 'dist/client.js', 'dist/server.js']) {
      assert(await exists(vscode.Uri.joinPath(extension.extensionUri, needed)), `the VSIX lacks ${needed}`);
    }
    for (const unwanted of ['node_modules', 'client/src', 'server/src', 'test', 'tsconfig.json']) {
      assert(!(await exists(vscode.Uri.joinPath(extension.extensionUri, unwanted))), `the VSIX contains ${unwanted}`);
    }
  },
};

export async function run(): Promise<void> {
  await prepareEditor();
  try {
    await runEditorTests('installed VSIX', [packagedExtensionTest, ...editorTests.filter((t) => t.smoke)],
      { afterEach: revertAndCloseAll });
  } finally {
    await showHoverForScreenshot('endpoints/main.tf', 'aws_vpc_endpoint" "ssm"').catch(() => undefined);
  }
}
