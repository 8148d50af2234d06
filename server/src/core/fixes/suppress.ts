// The "suppress here" fix: `# vpce-lens:ignore <ID>` on its own line above the finding,
// indented like that line; when the line above already is such a comment, the ID joins it, so
// a suppression already there keeps working.
import type { Finding, Fix } from '../types';
import { directiveFor, suppressedRules } from '../suppression';

/** A line that is only a comment: a directive on it can take one more ID at its end. */
const COMMENT_LINE = /^\s*(#|\/\/)/;

export function suppressionFix(finding: Pick<Finding, 'file' | 'rule' | 'range'>, text: string): Fix {
  const lines = text.split('\n');
  const lineEnding = text.includes('\r\n') ? '\r\n' : '\n';
  const line = finding.range.start.line;
  const title = `Suppress ${finding.rule} here`;
  const above = line > 0 ? lines[line - 1]?.replace(/\r$/, '') : undefined;
  const listed = above !== undefined && COMMENT_LINE.test(above) ? suppressedRules(above) : undefined;
  if (above !== undefined && listed !== undefined) {
    // A directive without IDs already suppresses every rule.
    if (listed === 'all' || listed.includes(finding.rule)) return { title, edits: [] };
    const end = { line: line - 1, character: above.length };
    return { title, edits: [{ file: finding.file, range: { start: end, end }, newText: ` ${finding.rule}` }] };
  }
  const indent = /^[ \t]*/.exec(lines[line] ?? '')![0];
  const start = { line, character: 0 };
  return { title, edits: [{ file: finding.file, range: { start, end: start }, newText: `${indent}${directiveFor(finding.rule)}${lineEnding}` }] };
}
