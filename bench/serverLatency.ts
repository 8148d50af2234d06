// Latency through the real server over stdio on a 5,000-line file: hover, and each kind of
// keystroke (editKinds.ts) until its diagnostics arrive (debounce set to 0 for the measurement).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspTestClient } from '../test/protocol/lspClient';
import { EDIT_KINDS, editsOf, type EditKind } from './editKinds';
import { percentile } from './stats';
import { fileOfLines } from './workload';

export interface ServerLatency {
  fileLines: number;
  hoverSamples: number;
  hoverP95Ms: number | null;
  hoverNote?: string;
  /** Keystrokes timed per kind. */
  editSamples: number;
  editToDiagnosticsP95Ms: Record<EditKind, number>;
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
    let version = 1;
    const editToDiagnosticsP95Ms = {} as Record<EditKind, number>;
    for (const kind of EDIT_KINDS) {
      const edits: number[] = [];
      for (const change of editsOf(kind, lines, samples)) {
        version++;
        const t = performance.now();
        client.change(uri, version, [change]);
        await client.diagnosticsFor(uri, () => true, version);
        edits.push(performance.now() - t);
      }
      editToDiagnosticsP95Ms[kind] = percentile(edits, 95);
    }
    return {
      fileLines: lines.length,
      hoverSamples: hover.length,
      hoverP95Ms: hover.length > 0 ? percentile(hover, 95) : null,
      ...(hoverNote ? { hoverNote } : {}),
      editSamples: samples,
      editToDiagnosticsP95Ms,
    };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
