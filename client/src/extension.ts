// The VS Code side: start the language server and hand it the Terraform documents. Nothing
// else lives here (see docs/design.md: the client is thin).
import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerShowCostReport } from './showCostReport';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The usage file is synchronised too, so that its unsaved edits price the module. OpenTofu's
    // *.tofu files are Terraform to vpce-lens whatever language another extension gives them.
    documentSelector: [
      { scheme: 'file', language: 'terraform' }, { scheme: 'file', pattern: '**/*.tofu' }, { scheme: 'file', pattern: '**/infracost-usage.yml' },
    ],
    synchronize: {
      configurationSection: 'vpceLens',
      // A new `terraform init` rewrites modules.json: the downloaded modules may have changed.
      fileEvents: [
        workspace.createFileSystemWatcher('**/{*.tf,*.tofu,*.tfvars,*.tfvars.json,infracost-usage.yml}'),
        workspace.createFileSystemWatcher('**/.terraform/modules/modules.json'),
        // A commit, a checkout or a fetch moves the base vpceLens.compareTo compares costs with.
        ...['**/.git/HEAD', '**/.git/refs/**', '**/.git/packed-refs'].map((glob) => workspace.createFileSystemWatcher(glob)),
      ],
    },
  };
  client = new LanguageClient('vpceLens', 'vpce-lens', serverOptions, clientOptions);
  registerShowCostReport(context, () => client);
  await client.start();
  context.subscriptions.push(client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
