// `vpce-lens check` output: text for a CI log, JSON per docs/cli.md.
import { relative } from 'node:path';
import type { Finding, TextEdit } from '../core/types';

export interface CheckJson {
  tool: 'vpce-lens';
  version: string;
  findings: (Omit<Finding, 'fixes'> & { fixes: { title: string; edits: TextEdit[] }[]; root: string })[];
}

/** A finding and the root module (as the user named it) whose analysis made it. */
export type RootedFinding = Finding & { root: string };

const rel = (file: string) => relative(process.cwd(), file) || file;

export function checkJson(findings: readonly RootedFinding[], version: string): CheckJson {
  return {
    tool: 'vpce-lens',
    version,
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      file: rel(f.file),
      range: f.range,
      message: f.message,
      ...(f.address ? { address: f.address } : {}),
      ...(f.suppressed ? { suppressed: true } : {}),
      fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ ...e, file: rel(e.file) })) })),
      root: f.root,
    })),
  };
}

/**
 * For a CI log: findings sorted by file and position, one line each in the
 * `file:line:col: severity RULE message` form editors and problem matchers read (1-based),
 * a blank line between files, then one summary line.
 */
export function checkText(findings: readonly RootedFinding[]): string {
  const roots = [...new Set(findings.map((f) => f.root))];
  const byRoot = (f: RootedFinding) => roots.indexOf(f.root);
  const shown = findings.filter((f) => !f.suppressed).sort((a, b) => byRoot(a) - byRoot(b) || byPlace(a, b));
  const lines: string[] = [];
  let previousFile: string | undefined;
  let previousRoot: string | undefined;
  for (const f of shown) {
    // Several root modules: their findings are grouped under each root's name.
    if (roots.length > 1 && f.root !== previousRoot) {
      if (previousRoot !== undefined) lines.push('');
      lines.push(`== ${f.root}`);
      previousFile = undefined;
    }
    previousRoot = f.root;
    if (previousFile !== undefined && f.file !== previousFile) lines.push('');
    previousFile = f.file;
    const where = `${rel(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    const about = f.address && !f.message.includes(f.address) ? ` [${f.address}]` : '';
    lines.push(`${where}: ${f.severity} ${f.rule} ${f.message}${about}${f.fixes.length > 0 ? ' (quick fix)' : ''}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(summary(shown, findings.length - shown.length));
  return lines.join('\n');
}

function byPlace(a: Finding, b: Finding): number {
  return rel(a.file).localeCompare(rel(b.file)) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `vpce-lens: 1 error, 2 warnings, 0 info/hints in 2 files (1 with a quick fix), 1 suppressed`. */
function summary(shown: readonly Finding[], suppressed: number): string {
  const tail = suppressed > 0 ? `, ${suppressed} suppressed` : '';
  if (shown.length === 0) return `vpce-lens: no findings${tail}`;
  const count = (...severities: string[]) => shown.filter((f) => severities.includes(f.severity)).length;
  const files = new Set(shown.map((f) => f.file)).size;
  const fixable = shown.filter((f) => f.fixes.length > 0).length;
  const fixes = fixable > 0 ? ` (${fixable} with a quick fix: --format json lists the edits)` : '';
  return `vpce-lens: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info', 'hint')} info/hint in ${plural(files, 'file')}${fixes}${tail}`;
}
