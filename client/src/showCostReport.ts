// `vpceLens.showCostReport [uri]`: asks the server for the module's Markdown cost report and
// opens it in VS Code's Markdown preview. The report is computed by the server; this only shows it.
import { Uri, commands, window, workspace, type ExtensionContext } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

const SHOW_COST_REPORT = 'vpceLens.showCostReport';
const SERVER_COMMAND = 'vpceLens.costReport';

export function registerShowCostReport(context: ExtensionContext, client: () => LanguageClient | undefined): void {
  context.subscriptions.push(
    commands.registerCommand(SHOW_COST_REPORT, async (target?: string | Uri) => {
      const uri = target?.toString() ?? window.activeTextEditor?.document.uri.toString();
      const running = client();
      if (!uri || !running) {
        void window.showInformationMessage('vpce-lens: open a Terraform file to see the cost report of its module.');
        return;
      }
      try {
        const markdown: unknown = await running.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMAND, arguments: [uri] });
        if (typeof markdown !== 'string') throw new Error('the server sent no report');
        const file = Uri.joinPath(context.globalStorageUri, 'cost-report.md');
        await workspace.fs.createDirectory(context.globalStorageUri);
        await workspace.fs.writeFile(file, new TextEncoder().encode(markdown));
        await commands.executeCommand('markdown.showPreview', file);
      } catch (error) {
        void window.showErrorMessage(`vpce-lens: cannot show the cost report: ${(error as Error).message}`);
      }
    }),
  );
}
