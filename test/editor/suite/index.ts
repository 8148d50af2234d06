// Entry point of the editor suite (extensionTestsPath): every test, against the extension
// under development.
import { runEditorTests } from './harness';
import { prepareEditor, revertAndCloseAll, showHoverForScreenshot } from './helpers';
import { editorTests } from './tests';

export async function run(): Promise<void> {
  await prepareEditor();
  try {
    await runEditorTests('development', editorTests, { afterEach: revertAndCloseAll });
  } finally {
    await showHoverForScreenshot('endpoints/main.tf', 'aws_vpc_endpoint" "ssm"').catch(() => undefined);
  }
}
