// The command line of `vpce-lens-language-server` (dist/server.js). A transport flag starts the
// server (vscode-languageserver reads it from process.argv); --help and --version print and
// exit 0; without a transport there is nothing to serve, so the usage goes to stderr, exit 2.

/** The flags vscode-languageserver takes as a transport (`--socket=N` and `--socket N` alike). */
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

const SERVER_USAGE = `Usage:
  vpce-lens-language-server --stdio       speak LSP over stdin/stdout (any LSP editor)
  vpce-lens-language-server --node-ipc    over Node IPC (how the VS Code extension starts it)
  vpce-lens-language-server --socket=PORT | --pipe=NAME
  vpce-lens-language-server --version | --help

Serves Terraform and OpenTofu files (*.tf, *.tofu; language id terraform): VPC endpoint and NAT
gateway costs in hovers, code lenses and inlay hints, diagnostics with quick fixes. Settings
come from the client (section vpceLens). For CI, use the vpce-lens command (vpce-lens --help).`;

export type ServerLaunch =
  | { kind: 'serve' }
  | { kind: 'exit'; code: number; stdout?: string; stderr?: string };

export function serverLaunch(argv: readonly string[], version: string): ServerLaunch {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'exit', code: 0, stdout: SERVER_USAGE };
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'exit', code: 0, stdout: version };
  // Other arguments next to a transport are left alone: clients add their own (--clientProcessId).
  if (argv.some((arg) => TRANSPORTS.includes(arg.split('=')[0]!))) return { kind: 'serve' };
  const unknown = argv[0];
  const problem = unknown === undefined ? 'say how to talk to the editor' : `unknown option ${unknown}; say how to talk to the editor`;
  return { kind: 'exit', code: 2, stderr: `vpce-lens-language-server: ${problem} (--stdio, --node-ipc, --socket or --pipe)\n${SERVER_USAGE}` };
}
