// Many fixes as one edit ("fix all"): each fix is taken whole or not at all, in order. An edit
// another fix already makes is made once; a block another fix already inserts (the same
// `data "aws_region" "current"`, found in the inserted text's syntax tree) is inserted once; a
// fix whose edits overlap the ones taken (applyEdits' overlap check on the real text) is left
// out, to be offered again next time.
import type { Fix, TextEdit } from '../types';
import { applyEdits } from './apply';
import { loadedParser } from '../parse/grammar';

export interface ComposedFixes {
  edits: TextEdit[];
  applied: Fix[];
  skipped: Fix[];
}

const INSERTED_KINDS: ReadonlySet<string> = new Set(['resource', 'data']);

/**
 * The `resource` and `data` blocks at the top of inserted text, with their headers, read from its
 * syntax tree (the grammar is loaded: fixes exist only after an analysis parsed the module).
 */
function insertedBlocks(text: string): { header: string; start: number; end: number }[] {
  if (!text.includes('{')) return [];
  const tree = loadedParser().parse(text);
  if (!tree) return [];
  try {
    const body = tree.rootNode.firstNamedChild;
    if (body?.type !== 'body') return [];
    const blocks: { header: string; start: number; end: number }[] = [];
    for (const block of body.namedChildren) {
      if (block?.type !== 'block' || block.hasError) continue;
      const [kind, ...labels] = block.namedChildren.filter((n) => n?.type === 'identifier' || n?.type === 'string_lit');
      if (!kind || !INSERTED_KINDS.has(kind.text) || labels.length !== 2) continue;
      blocks.push({ header: [kind.text, ...labels.map((l) => l!.text)].join(' '), start: block.startIndex, end: block.endIndex });
    }
    return blocks;
  } finally {
    tree.delete();
  }
}

/**
 * The edit without the blocks in `taken`, with the blank lines that separated them, and the
 * headers of the blocks it still inserts.
 */
function withoutTakenBlocks(edit: TextEdit, taken: ReadonlySet<string>): { edit: TextEdit; inserts: string[] } {
  let text = edit.newText;
  const inserts: string[] = [];
  for (const block of insertedBlocks(text).reverse()) {
    if (!taken.has(block.header)) {
      inserts.push(block.header);
      continue;
    }
    const before = text.slice(0, block.start).replace(/(\r?\n)*$/, '');
    text = before + text.slice(block.end);
  }
  return { edit: text === edit.newText ? edit : { ...edit, newText: text }, inserts };
}

const key = (e: TextEdit) => JSON.stringify([e.file, e.range, e.newText]);
const isEmptyInsertion = (e: TextEdit) =>
  e.newText.trim() === '' && e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;

export function composeFixes(fixes: readonly Fix[], textOf: (file: string) => string | undefined): ComposedFixes {
  const taken: TextEdit[] = [];
  const takenKeys = new Set<string>();
  const takenBlocks = new Set<string>();
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const pruned = fix.edits
      .filter((e) => !takenKeys.has(key(e)))
      .map((e) => withoutTakenBlocks(e, takenBlocks))
      .filter(({ edit }) => !isEmptyInsertion(edit));
    const edits = pruned.map(({ edit }) => edit);
    if (!composes(edits, taken, textOf)) {
      skipped.push(fix);
      continue;
    }
    for (const { edit, inserts } of pruned) {
      taken.push(edit);
      takenKeys.add(key(edit));
      for (const header of inserts) takenBlocks.add(header);
    }
    applied.push(fix);
  }
  return { edits: taken, applied, skipped };
}

function composes(edits: readonly TextEdit[], taken: readonly TextEdit[], textOf: (file: string) => string | undefined): boolean {
  for (const file of new Set(edits.map((e) => e.file))) {
    const text = textOf(file);
    if (text === undefined) return false;
    try {
      applyEdits(text, [...taken.filter((e) => e.file === file), ...edits.filter((e) => e.file === file)]);
    } catch {
      return false;
    }
  }
  return true;
}
