// A minimal LSP client for protocol tests: spawns the BUILT server (dist/server.js --stdio)
// and speaks JSON-RPC to it. Waits poll notifications with deadlines, never fixed sleeps.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';
import assert from 'node:assert/strict';
import type { Diagnostic, Hover, MarkupContent, PublishDiagnosticsParams, ServerCapabilities } from 'vscode-languageserver-protocol';

export const REPO = resolve(__dirname, '../../..');
export const SERVER = resolve(REPO, 'dist/server.js');

export interface ClientOptions {
  /** `workspace/configuration` answers by section; absent: the client does not support it. */
  configuration?: Record<string, unknown>;
  rootPath?: string;
  /** Extra node arguments for the server process (e.g. `--require` a preload). */
  nodeArgs?: string[];
  /** Merged into the `textDocument` client capabilities (e.g. completion snippet support). */
  textDocument?: Record<string, unknown>;
  /** Merged into the `workspace` client capabilities (e.g. `codeLens: { refreshSupport: true }`). */
  workspace?: Record<string, unknown>;
  /** Words that start node as another user (e.g. setpriv); the server then gets no client process id. */
  launcher?: string[];
  /** The server bundle to run instead of dist/server.js. */
  server?: string;
}

/** The text of a hover's Markdown contents; fails when there is no hover. */
export function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'no hover');
  return (hover.contents as MarkupContent).value;
}

export class LspTestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: (() => void)[] = [];
  stderr = '';
  /** What the server announced in its initialize result. */
  capabilities: ServerCapabilities = {};
  /** The server's `window/logMessage` texts. */
  readonly logs: string[] = [];
  /** How many `workspace/codeLens/refresh` requests the server sent. */
  codeLensRefreshes = 0;
  /** How many `workspace/inlayHint/refresh` requests the server sent. */
  inlayHintRefreshes = 0;

  private constructor(private readonly child: ChildProcessWithoutNullStreams, readonly connection: MessageConnection) {}

  static async start(options: ClientOptions = {}): Promise<LspTestClient> {
    const [command, ...args] = [...(options.launcher ?? []), process.execPath, ...(options.nodeArgs ?? []), options.server ?? SERVER, '--stdio'];
    const child = spawn(command!, args, { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(child, connection);
    child.stderr.on('data', (d: Buffer) => (client.stderr += d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.diagnostics.set(params.uri, params);
      client.notify();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      client.logs.push(params.message);
      client.notify();
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section ? options.configuration?.[item.section] ?? null : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => {
      client.codeLensRefreshes++;
      client.notify();
      return null;
    });
    connection.onRequest('workspace/inlayHint/refresh', () => {
      client.inlayHintRefreshes++;
      client.notify();
      return null;
    });
    connection.listen();
    const rootUri = options.rootPath ? pathToFileURL(options.rootPath).toString() : null;
    const initialized = await connection.sendRequest<{ capabilities: ServerCapabilities }>('initialize', {
      // A server running as another user cannot signal this process, which the library's
      // watchdog would take for a client that has gone away.
      processId: options.launcher?.length ? null : process.pid,
      rootUri,
      capabilities: {
        workspace: { configuration: options.configuration !== undefined, didChangeWatchedFiles: { dynamicRegistration: true }, ...options.workspace },
        textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { dynamicRegistration: false }, ...options.textDocument },
      },
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
    });
    client.capabilities = initialized.capabilities;
    await connection.sendNotification('initialized', {});
    return client;
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  /** Resolves when `predicate` holds, re-checked on each notification; rejects at the deadline. */
  async waitFor<T>(what: string, predicate: () => T | undefined | false, deadlineMs = 10_000): Promise<T> {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const value = predicate();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          done();
        });
      });
    }
  }

  /** Diagnostics for `uri` once a publish satisfies `predicate` (and matches `version` if given). */
  diagnosticsFor(uri: string, predicate: (d: Diagnostic[]) => boolean, version?: number): Promise<Diagnostic[]> {
    return this.waitFor(`diagnostics for ${uri}`, () => {
      const published = this.diagnostics.get(uri);
      if (!published || (version !== undefined && published.version !== version)) return undefined;
      return predicate(published.diagnostics) ? published.diagnostics : undefined;
    });
  }

  open(path: string, text: string, version = 1): string {
    const uri = pathToFileURL(path).toString();
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version, text } });
    return uri;
  }

  change(uri: string, version: number, changes: ({ text: string } | { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string })[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** shutdown + exit; resolves with the process exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((done) => this.child.once('exit', (code) => done(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    const code = await Promise.race([exited, new Promise<null>((done) => setTimeout(() => { this.child.kill('SIGKILL'); done(null); }, 5000))]);
    this.connection.dispose();
    return code;
  }
}
