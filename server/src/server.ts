// The language server: connection, documents, capabilities, and the wiring of features.
// Runs over IPC for the VS Code client and over stdio (`--stdio`) for any LSP editor.
import { writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CodeLensRefreshRequest, createConnection, DidChangeWatchedFilesNotification, InlayHintRefreshRequest, ProposedFeatures, TextDocumentSyncKind,
  type InitializeResult, type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { version } from '../../package.json';
import { Analyzer } from './core/analyzer';
import { AnalysisService } from './analysisService';
import { BaselineService, isGitMetadata } from './baseline';
import { CallerIndex } from './callerIndex';
import { CONFIG_EXTENSIONS, isConfigFile } from './core/configFiles';
import { SettingsStore } from './config';
import { OpenDocuments } from './documents';
import type { FeatureContext } from './features/context';
import { DiagnosticsPublisher } from './features/diagnostics';
import { FEATURES } from './features/index';
import { serverLaunch } from './serverArgs';
import { URI } from './uri';

// --help, --version or no transport: print and exit before anything starts (synchronous writes,
// so nothing is lost to process.exit).
const launch = serverLaunch(process.argv.slice(2), version);
if (launch.kind === 'exit') {
  if (launch.stdout !== undefined) writeSync(1, `${launch.stdout}\n`);
  if (launch.stderr !== undefined) writeSync(2, `${launch.stderr}\n`);
  process.exit(launch.code);
}

const connection = createConnection(ProposedFeatures.all);
const documents = new OpenDocuments();
const settings = new SettingsStore(connection);
let analyses: AnalysisService | undefined;
/** Which root modules call which module folders (rebuilt after files open, close or change on disk). */
let callers: CallerIndex | undefined;
let diagnostics: DiagnosticsPublisher | undefined;
/** The bases `vpceLens.compareTo` compares costs with. */
let baselines: BaselineService | undefined;
let registerWatcher = false;
let workspaceFolderEvents = false;
/** Asks the client to re-query code lenses and inlay hints (their prices change when another file changes). */
let refreshCostViews = (): void => undefined;
/** What the VS Code client watches too (client/src/extension.ts). */
const GIT_WATCHERS = ['**/.git/HEAD', '**/.git/refs/**', '**/.git/packed-refs'];
/** Rewritten by `terraform init`: the downloaded modules both sides of the cost comparison read. */
const MODULES_JSON = join('.terraform', 'modules', 'modules.json');
// A file that takes longer than this to parse is reported instead of blocking the server.
const PARSE_BUDGET_MS = 5_000;
// Log lines wait for the client to be initialized (the analyzer starts before it is).
let clientInitialized: () => void = () => undefined;
const initialized = new Promise<void>((resolve) => (clientInitialized = resolve));
const warn = (message: string): void => void initialized.then(() => connection.console.warn(`vpce-lens: ${message}`));
const analyzerReady = Analyzer.create({ parseBudgetMs: PARSE_BUDGET_MS, parseThread: true, log: warn });

connection.onInitialize(async (params): Promise<InitializeResult> => {
  const capabilities = params.capabilities;
  settings.supportsConfiguration = capabilities.workspace?.configuration === true;
  registerWatcher = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  workspaceFolderEvents = capabilities.workspace?.workspaceFolders === true;
  settings.folders = folderPaths(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
  const refreshLenses = capabilities.workspace?.codeLens?.refreshSupport === true;
  const refreshHints = capabilities.workspace?.inlayHint?.refreshSupport === true;
  refreshCostViews = () => {
    if (refreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    if (refreshHints) void connection.sendRequest(InlayHintRefreshRequest.type).catch(() => undefined);
  };
  const analyzer = await analyzerReady;
  callers = new CallerIndex(analyzer, documents, () => settings.folders);
  analyses = new AnalysisService(analyzer, documents, async (dir) => (await settings.get(dir)).analysis, callers);
  baselines = new BaselineService(analyzer, (m) => connection.console.log(m));
  const ctx: FeatureContext = { connection, documents, analyses, settings, baselines, clientCapabilities: capabilities, log: (m) => connection.console.log(m) };
  diagnostics = new DiagnosticsPublisher(ctx);
  for (const feature of FEATURES) feature.register(ctx);
  return {
    capabilities: Object.assign(
      {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      ...FEATURES.map((f) => f.capabilities),
    ),
    serverInfo: { name: 'vpce-lens', version },
  };
});

function folderPaths(folders: readonly WorkspaceFolder[]): string[] {
  return folders.map((f) => URI.toPath(f.uri)).filter((p): p is string => p !== undefined);
}

connection.onInitialized(() => {
  clientInitialized();
  void analyzerReady.then((analyzer) => connection.console.log(`vpce-lens ${version}: cold modules are parsed on ${analyzer.parseThreads === 2 ? 'two threads' : 'one thread'}`));
  if (workspaceFolderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      const gone = new Set(folderPaths(removed));
      settings.folders = [...settings.folders.filter((f) => !gone.has(f)), ...folderPaths(added)];
      settings.clear();
      analyses?.invalidateAll();
      diagnostics?.scheduleAllOpen();
    });
  }
  if (registerWatcher) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        ...CONFIG_EXTENSIONS.map((ext) => ({ globPattern: `**/*${ext}` })), { globPattern: '**/*.tfvars' }, { globPattern: '**/*.tfvars.json' },
        { globPattern: '**/infracost-usage.yml' }, { globPattern: '**/.terraform/modules/modules.json' },
        // A commit, a checkout or a fetch moves the base of the cost comparison.
        ...GIT_WATCHERS.map((globPattern) => ({ globPattern })),
      ],
    });
  }
});

connection.onDidOpenTextDocument(({ textDocument }) => {
  const path = documents.open(textDocument.uri, textDocument.version, textDocument.text);
  if (!path) return;
  callers?.invalidate();
  analyses?.invalidate(dirname(path));
  void diagnostics?.schedule(dirname(path));
  if (!isConfigFile(path)) refreshCostViews();
});

connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  const path = documents.change(textDocument.uri, textDocument.version, contentChanges);
  if (!path) return;
  analyses?.invalidate(dirname(path));
  void diagnostics?.schedule(dirname(path));
  if (!isConfigFile(path)) refreshCostViews();
});

connection.onDidCloseTextDocument(({ textDocument }) => {
  const path = documents.close(textDocument.uri);
  if (!path) return;
  callers?.invalidate();
  analyses?.forgetFile(path);
  void diagnostics?.schedule(dirname(path));
});

connection.onDidChangeWatchedFiles(({ changes: all }) => {
  // The git folder's HEAD and refs only move the comparison's base: no module is re-analysed.
  const changes = all.filter((change) => !isGitMetadata(URI.toPath(change.uri) ?? ''));
  if (changes.length < all.length) {
    baselines?.invalidate();
    if (changes.length === 0) return refreshCostViews();
  }
  for (const change of changes) {
    const path = URI.toPath(change.uri);
    if (path && !documents.isOpen(path)) analyses?.forgetFile(path);
    if (path?.endsWith(MODULES_JSON)) baselines?.forgetReports();
  }
  // A sibling file, a var file or a child module changed: every open module may read it.
  analyses?.invalidateAll();
  diagnostics?.scheduleAllOpen();
  refreshCostViews();
});

connection.onDidChangeConfiguration(() => {
  settings.clear();
  analyses?.invalidateAll();
  diagnostics?.scheduleAllOpen();
  refreshCostViews();
});

connection.listen();
