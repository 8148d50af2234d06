// The built server over stdio, run as a user who may not read part of the workspace (mode 000:
// see test/helpers/permissionDenied.ts): it reports what it cannot read, analyses the rest and
// keeps answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol';
import { positionOf } from '../helpers/memoryModule';
import { READABLE_MAIN, unreadableModule } from '../helpers/permissionDenied';
import { hoverText, LspTestClient } from './lspClient';

test('a workspace with an unreadable file and folder: diagnostics, hovers and edits are answered, the unreadable paths reported', async () => {
  const tree = unreadableModule();
  try {
    const module = join(tree.root, 'm');
    const client = await LspTestClient.start({ launcher: tree.launcher, server: join(tree.dist, 'server.js'), rootPath: module });
    try {
      const uri = client.open(join(module, 'main.tf'), READABLE_MAIN);
      const diagnostics = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'VPCE101'));
      assert.ok(diagnostics.every((d) => d.code !== 'VPCE000'), 'the readable file has no read problem');
      for (const name of ['secret.tf', 'child']) {
        const [problem, ...more] = await client.diagnosticsFor(pathToFileURL(join(module, name)).toString(), (d) => d.length > 0);
        assert.equal(more.length, 0);
        assert.equal(problem!.code, 'VPCE000');
        assert.match(String(problem!.message), /permission denied/);
      }
      const nat = { textDocument: { uri }, position: positionOf(READABLE_MAIN, 'resource "aws_nat_gateway" "n"') };
      assert.match(hoverText(await client.request<Hover | null>('textDocument/hover', nat)), /\$35\.04/);
      // Still answering: an edit is analysed again, then a hover and the code lenses.
      const broken = `${READABLE_MAIN}resource "x" {\n`;
      client.change(uri, 2, [{ text: broken }]);
      const again = await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'VPCE000'), 2);
      assert.ok(again.some((d) => d.code === 'VPCE101'));
      assert.match(hoverText(await client.request<Hover | null>('textDocument/hover', nat)), /\$35\.04/);
      const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
      assert.ok(lenses.some((l) => /\$35\.04/.test(l.command?.title ?? '')), JSON.stringify(lenses));
      assert.doesNotMatch(client.stderr, /\n\s+at /, 'no stack trace');
    } finally {
      assert.equal(await client.stop(), 0, `the server exits cleanly; stderr: ${client.stderr}`);
    }
  } finally {
    tree.remove();
  }
});
