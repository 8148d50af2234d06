// Latency through the real server over stdio on a 5,000-line file: hover, and a one-character
// edit until its diagnostics arrive (debounce set to 0 for the measurement).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspTestClient } from '../test/protocol/lspClient';
import { percentile } from './stats';
import { fileOfLines } from './workload';

export interface ServerLatency {
  fileLines: number;
  hoverSamples: number;
  hoverP95Ms: number | null;
  hoverNote?: string;
  editSamples: number;
  editToDiagnosticsP95Ms: number;
}

export async function serverLatency(samples: number): Promise<ServerLatency> {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-bench-'));
  const text = fileOfLines(5000);
  const path = join(dir, 'main.tf');
  writeFileSync(path, text);
  const client = await LspTestClient.start({ configuration: { vpceLens: { diagnostics: { debounceMs: 0 } } } });
  try {
    const uri = client.open(path, text);
    await client.diagnosticsFor(uri, () => true, 1);
    const lines = text.split('\n');
    const targets = lines.flatMap((l, i) => (l.startsWith('resource "aws_vpc_endpoint"') ? [i] : []));
    const hover: number[] = [];
    let hoverNote: string | undefined;
    for (let i = 0; i < samples && targets.length > 0; i++) {
      const line = targets[i % targets.length]!;
      const t = performance.now();
      try {
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character: 12 } });
      } catch (error) {
        hoverNote = `hover not available: ${(error as Error).message}`;
        break;
      }
      hover.push(performance.now() - t);
    }
    // One-character edits inside a comment-free spot: append/remove a space at the end of line 0.
    const edits: number[] = [];
    let version = 1;
    const lineLength = lines[0]!.length;
    for (let i = 0; i < samples; i++) {
      version++;
      const insert = i % 2 === 0;
      const t = performance.now();
      client.change(uri, version, [insert
        ? { range: { start: { line: 0, character: lineLength }, end: { line: 0, character: lineLength } }, text: ' ' }
        : { range: { start: { line: 0, character: lineLength }, end: { line: 0, character: lineLength + 1 } }, text: '' }]);
      await client.diagnosticsFor(uri, () => true, version);
      edits.push(performance.now() - t);
    }
    return {
      fileLines: lines.length,
      hoverSamples: hover.length,
      hoverP95Ms: hover.length > 0 ? percentile(hover, 95) : null,
      ...(hoverNote ? { hoverNote } : {}),
      editSamples: edits.length,
      editToDiagnosticsP95Ms: percentile(edits, 95),
    };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
