// `vpce-lens check` output: text for a CI log, JSON per docs/cli.md.
import { relative } from 'node:path';
import type { Finding, TextEdit } from '../core/types';

export interface CheckJson {
  tool: 'vpce-lens';
  version: string;
  findings: (Omit<Finding, 'fixes'> & { fixes: { title: string; edits: TextEdit[] }[] })[];
}

const rel = (file: string) => relative(process.cwd(), file) || file;

export function checkJson(findings: readonly Finding[], version: string): CheckJson {
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
    })),
  };
}

/** One line per finding, `file:line:col: severity RULE message`, then a summary line. */
export function checkText(findings: readonly Finding[]): string {
  const shown = findings.filter((f) => !f.suppressed);
  const lines = shown.map((f) => {
    const where = `${rel(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    const fix = f.fixes.length > 0 ? ' (quick fix available)' : '';
    return `${where}: ${f.severity} ${f.rule} ${f.message}${f.address ? ` [${f.address}]` : ''}${fix}`;
  });
  const count = (s: string) => shown.filter((f) => f.severity === s).length;
  const suppressed = findings.length - shown.length;
  const summary = shown.length === 0
    ? 'vpce-lens: no findings'
    : `vpce-lens: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info') + count('hint')} info/hint(s)`;
  return [...lines, `${summary}${suppressed > 0 ? `, ${suppressed} suppressed` : ''}`].join('\n');
}
