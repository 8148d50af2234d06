// The edits the latency bench types into the 5,000-line file, one keystroke per version, each
// kind leaving the file as it found it after a round: a space added and removed at the end of
// the first line; an argument typed into an endpoint block in the middle of the file and erased
// character by character; a newline inserted at the top and removed (every line below moves).
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';

export type EditKind = 'lineEnd' | 'inEndpoint' | 'newlineAtTop';
export const EDIT_KINDS: readonly EditKind[] = ['lineEnd', 'inEndpoint', 'newlineAtTop'];

interface Position {
  line: number;
  character: number;
}

const at = (p: Position) => ({ start: p, end: p });
const TYPED = '\n  auto_accept = true';

/** `count` keystrokes of `kind` on `lines` (the file's text split at newlines). */
export function editsOf(kind: EditKind, lines: readonly string[], count: number): TextDocumentContentChangeEvent[] {
  const round = roundOf(kind, lines);
  return Array.from({ length: count }, (_, i) => round[i % round.length]!);
}

function roundOf(kind: EditKind, lines: readonly string[]): TextDocumentContentChangeEvent[] {
  switch (kind) {
    case 'lineEnd': {
      const end = { line: 0, character: lines[0]!.length };
      return [{ range: at(end), text: ' ' }, { range: { start: end, end: { line: 0, character: end.character + 1 } }, text: '' }];
    }
    case 'newlineAtTop':
      return [{ range: at({ line: 0, character: 0 }), text: '\n' }, { range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }];
    case 'inEndpoint': {
      const start = endpointLineEnd(lines);
      // After typing TYPED[0..k): where the next character goes.
      const after = (k: number): Position => {
        const typed = TYPED.slice(0, k);
        const newlines = typed.split('\n').length - 1;
        return newlines === 0
          ? { line: start.line, character: start.character + typed.length }
          : { line: start.line + newlines, character: typed.length - typed.lastIndexOf('\n') - 1 };
      };
      const typing = [...TYPED].map((ch, k) => ({ range: at(after(k)), text: ch }));
      const erasing = [...TYPED].map((_, k) => ({ range: { start: after(TYPED.length - k - 1), end: after(TYPED.length - k) }, text: '' }));
      return [...typing, ...erasing];
    }
  }
}

/** The end of the last line of the interface endpoint block nearest the middle of the file. */
function endpointLineEnd(lines: readonly string[]): Position {
  const headers = lines.flatMap((l, i) => (l.startsWith('resource "aws_vpc_endpoint" "interface') ? [i] : []));
  const header = headers[Math.floor(headers.length / 2)];
  if (header === undefined) throw new Error('the latency workload has no interface endpoint block');
  const last = lines.findIndex((l, i) => i > header && l.startsWith('  private_dns_enabled'));
  return { line: last, character: lines[last]!.length };
}
