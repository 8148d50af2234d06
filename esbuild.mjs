// Bundles the client, the language server and the CLI into dist/, next to the wasm files they
// load at run time, so that dist/ runs with node_modules absent.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const outdir = 'dist';
mkdirSync(outdir, { recursive: true });

const treeSitterCjs = require.resolve('web-tree-sitter'); // the package's "require" entry: tree-sitter.cjs
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // The ESM build of web-tree-sitter crashes inside a CommonJS bundle (see docs/design.md).
  alias: { 'web-tree-sitter': treeSitterCjs },
};

const wasmFiles = [
  require.resolve('web-tree-sitter/tree-sitter.wasm'),
  join(dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-terraform.wasm'),
];
for (const file of wasmFiles) copyFileSync(file, join(outdir, file.split('/').pop()));

const shebang = { js: '#!/usr/bin/env node' };
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/client.js`, external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server.js`, banner: shebang }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: `${outdir}/cli.js`, banner: shebang }),
  // The parse thread the server and the CLI start (server/src/core/parse/parallel.ts).
  build({ ...common, entryPoints: ['server/src/core/parseWorker.ts'], outfile: `${outdir}/parseWorker.js` }),
]);
// The two bins (package.json "bin") run as commands straight from dist/ (`./dist/cli.js`).
for (const bin of ['cli.js', 'server.js']) chmodSync(join(outdir, bin), 0o755);
