// Tree-sitter template nodes (quoted strings and heredocs) -> TemplatePart[], following the HCL
// native syntax specification ("Templates", "Template Expressions") as hclsyntax implements it:
// - the literal text between sequences is read from the source, because the grammar leaves the
//   whitespace at the edges of its literal nodes out;
// - literals are tokens the way HCL scans them (a heredoc line by line), so that strip markers
//   (`${~`, `~}`, `%{~`) trim only the literal token next to them, and `<<-` indentation is
//   counted on line-leading tokens (a line that begins with a sequence counts as unindented,
//   a line of only spaces is not counted);
// - `if`/`else`/`endif` and `for`/`endfor` markers nest into directive parts.
import type { Node } from 'web-tree-sitter';
import type { Expr, TemplatePart } from './ast';
import { textOf } from './source';

type Sequence = { stripBefore: boolean; stripAfter: boolean };
type Token =
  | { kind: 'literal'; text: string }
  | (Sequence & { kind: 'interpolation'; expr: Expr })
  | (Sequence & { kind: 'if'; cond: Expr })
  | (Sequence & { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr })
  | (Sequence & { kind: 'else' })
  | (Sequence & { kind: 'endif' })
  | (Sequence & { kind: 'endfor' });

export type ConvertExpression = (node: Node) => Expr;

const MARKERS = new Set(['template_if_intro', 'template_else_intro', 'template_if_end', 'template_for_start', 'template_for_end']);
const NESTING = new Set(['template_directive', 'template_if', 'template_for']);

/** The parts of a `quoted_template` or `heredoc_template` node; undefined when it does not parse. */
export function templateParts(node: Node, convert: ConvertExpression): TemplatePart[] | undefined {
  const heredoc = node.type === 'heredoc_template';
  const region = heredoc ? heredocRegion(node) : quotedRegion(node);
  if (!region) return undefined;
  const tokens = scan(node, region, heredoc, convert);
  if (!tokens) return undefined;
  strip(tokens);
  if (heredoc && textOf(node).startsWith('<<-')) flush(tokens);
  const melded = meld(tokens);
  const [parts, end] = nest(melded, 0);
  return end === melded.length ? parts : undefined;
}

interface Region { from: number; to: number; source: string; base: number }

function quotedRegion(node: Node): Region | undefined {
  const open = node.namedChildren.find((c) => c?.type === 'quoted_template_start');
  const close = node.namedChildren.find((c) => c?.type === 'quoted_template_end');
  if (!open || !close || close.isMissing) return undefined;
  return { from: open.endIndex, to: close.startIndex, source: textOf(node), base: node.startIndex };
}

/** Every line between the opening and closing identifiers, newlines included. */
function heredocRegion(node: Node): Region | undefined {
  const identifiers = node.namedChildren.filter((c): c is Node => c !== null && c.type === 'heredoc_identifier');
  const [open, close] = identifiers;
  if (!open || !close || identifiers.length !== 2) return undefined;
  const source = textOf(node);
  const base = node.startIndex;
  const from = source.indexOf('\n', open.endIndex - base) + 1;
  const to = source.lastIndexOf('\n', close.startIndex - base) + 1;
  if (from <= 0) return undefined;
  return { from: base + from, to: base + Math.max(from, to), source, base };
}

/** The token sequence of a template: literals from the source between the sequences. */
function scan(node: Node, region: Region, heredoc: boolean, convert: ConvertExpression): Token[] | undefined {
  const tokens: Token[] = [];
  let cursor = region.from;
  const literal = (until: number) => {
    if (until <= cursor) return;
    const raw = region.source.slice(cursor - region.base, until - region.base);
    // A heredoc is scanned line by line; a quoted template's literal is one token.
    const pieces = heredoc ? raw.match(/[^\n]*\n|[^\n]+/g) ?? [] : [raw];
    for (const piece of pieces) tokens.push({ kind: 'literal', text: heredoc ? unescapeMarkers(piece) : unescapeQuoted(piece) });
  };
  const visit = (parent: Node): boolean => {
    for (const child of parent.namedChildren) {
      if (!child || child.endIndex <= region.from || child.startIndex >= region.to) continue;
      if (child.type === 'ERROR' || child.isMissing) return false;
      if (child.type === 'template_literal') continue;
      if (NESTING.has(child.type)) {
        if (!visit(child)) return false;
        continue;
      }
      if (child.type !== 'template_interpolation' && !MARKERS.has(child.type)) return false;
      const token = sequenceToken(child, convert);
      if (!token) return false;
      literal(child.startIndex);
      tokens.push(token);
      cursor = child.endIndex;
    }
    return true;
  };
  if (!visit(node)) return undefined;
  literal(region.to);
  return tokens;
}

function sequenceToken(node: Node, convert: ConvertExpression): Token | undefined {
  const named = node.namedChildren.filter((c): c is Node => c !== null);
  // `${~`/`%{~` right after the opening token, `~}` right before the closing one.
  const all = node.children;
  const strips: Sequence = {
    stripBefore: all[1]?.type === 'strip_marker',
    stripAfter: all.length > 2 && all[all.length - 2]?.type === 'strip_marker',
  };
  const expression = named.find((c) => c.type === 'expression');
  switch (node.type) {
    case 'template_interpolation':
      return expression ? { kind: 'interpolation', expr: convert(expression), ...strips } : undefined;
    case 'template_if_intro':
      return expression ? { kind: 'if', cond: convert(expression), ...strips } : undefined;
    case 'template_for_start': {
      const names = named.filter((c) => c.type === 'identifier').map((c) => textOf(c));
      if (!expression || names.length === 0 || names.length > 2) return undefined;
      const valueVar = names[names.length - 1]!;
      return { kind: 'for', ...(names.length === 2 ? { keyVar: names[0]! } : {}), valueVar, collection: convert(expression), ...strips };
    }
    case 'template_else_intro': return { kind: 'else', ...strips };
    case 'template_if_end': return { kind: 'endif', ...strips };
    case 'template_for_end': return { kind: 'endfor', ...strips };
    default: return undefined;
  }
}

/** Strip markers trim the whitespace of the literal token right next to them (and only that one). */
function strip(tokens: Token[]): void {
  tokens.forEach((token, i) => {
    if (token.kind === 'literal') return;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (token.stripBefore && before?.kind === 'literal') before.text = before.text.replace(/\s+$/u, '');
    if (token.stripAfter && after?.kind === 'literal') after.text = after.text.replace(/^\s+/u, '');
  });
}

/**
 * `<<-`: the smallest indentation of the line-leading tokens is removed from every line-leading
 * literal. A line of only whitespace does not count; a line that starts with a sequence counts 0.
 */
function flush(tokens: Token[]): void {
  let min = Infinity;
  let lineStart = true;
  const adjust: { kind: 'literal'; text: string }[] = [];
  for (const token of tokens) {
    if (lineStart) {
      lineStart = false;
      if (token.kind !== 'literal') min = 0;
      else {
        const indent = token.text.length - token.text.replace(/^\s+/u, '').length;
        const blank = indent === token.text.length && token.text.endsWith('\n');
        if (!blank) {
          min = Math.min(min, indent);
          adjust.push(token);
        }
      }
    }
    if (token.kind === 'literal' && token.text.endsWith('\n')) lineStart = true;
  }
  if (!Number.isFinite(min) || min === 0) return;
  for (const token of adjust) token.text = token.text.slice(min);
}

/** Consecutive literals are one (after stripping and indentation, which work on the tokens). */
function meld(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const last = out[out.length - 1];
    if (token.kind === 'literal' && last?.kind === 'literal') out[out.length - 1] = { kind: 'literal', text: last.text + token.text };
    else out.push(token);
  }
  return out;
}

/** Nests directives from the token sequence; returns the parts and where reading stopped. */
function nest(tokens: readonly Token[], start: number): [TemplatePart[], number] {
  const parts: TemplatePart[] = [];
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.kind === 'else' || token.kind === 'endif' || token.kind === 'endfor') break;
    i++;
    if (token.kind === 'literal') parts.push({ kind: 'text', text: token.text });
    else if (token.kind === 'interpolation') parts.push({ kind: 'interpolation', expr: token.expr });
    else if (token.kind === 'if') {
      const [then, afterThen] = nest(tokens, i);
      let otherwise: TemplatePart[] = [];
      let end = afterThen;
      if (tokens[end]?.kind === 'else') [otherwise, end] = nest(tokens, end + 1);
      if (tokens[end]?.kind !== 'endif') return [parts, -1];
      parts.push({ kind: 'directive', directive: 'if', cond: token.cond, then, else: otherwise });
      i = end + 1;
    } else {
      const [body, end] = nest(tokens, i);
      if (tokens[end]?.kind !== 'endfor') return [parts, -1];
      parts.push({ kind: 'directive', directive: 'for', ...(token.keyVar !== undefined ? { keyVar: token.keyVar } : {}), valueVar: token.valueVar, collection: token.collection, body });
      i = end + 1;
    }
  }
  return [parts, i];
}

/** A quoted template's literal: backslash escapes, `$${` and `%%{`. */
export function unescapeQuoted(raw: string): string {
  return unescapeMarkers(raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, esc: string) => {
    switch (esc[0]) {
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'u':
      case 'U': return String.fromCodePoint(parseInt(esc.slice(1), 16));
      default: return esc;
    }
  }));
}

/** Heredocs interpret no backslash escapes, only the doubled sequence introducers. */
function unescapeMarkers(raw: string): string {
  return raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}
