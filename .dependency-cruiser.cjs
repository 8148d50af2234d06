// The layering of docs/design.md ("server/src/ ... in layers, imports only point downwards") as
// rules dependency-cruiser checks in `npm test` (`npm run check:layers`). Type-only imports count:
// a cycle through types is still a knot.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle, runtime or type-only: types a module reads live below what makes them (core/analysis.ts, model/evaluation.ts, pricing/costReport.ts).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'core/ is pure analysis: it imports nothing of the server around it (LSP, CLI, git, disk) and no LSP or VS Code package.',
      from: { path: '^server/src/core/' },
      to: { path: '^(server|client)/', pathNot: '^server/src/core/' },
    },
    {
      name: 'core-knows-no-lsp',
      severity: 'error',
      from: { path: '^server/src/core/' },
      to: { path: ['vscode-languageserver', 'vscode-languageclient', 'vscode-jsonrpc', '^vscode$'] },
    },
    {
      name: 'features-only-translate',
      severity: 'error',
      comment: 'An LSP feature translates core results; it does not reach into the CLI.',
      from: { path: '^server/src/features/' },
      to: { path: '^server/src/(cli|cli\\.ts)' },
    },
    {
      name: 'cli-knows-no-lsp',
      severity: 'error',
      from: { path: '^server/src/(cli/|cli\\.ts)' },
      to: { path: ['^server/src/features/', '^server/src/server\\.ts', 'vscode-languageserver'] },
    },
    {
      name: 'git-below-its-users',
      severity: 'error',
      comment: 'The git layer reads commits for the CLI and the server; it knows neither.',
      from: { path: '^server/src/git/' },
      to: { path: ['^server/src/features/', '^server/src/cli', '^server/src/server\\.ts'] },
    },
    {
      name: 'client-is-thin',
      severity: 'error',
      comment: 'The VS Code client starts the language client; it imports nothing of the server.',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(out|dist)/' },
  },
};
