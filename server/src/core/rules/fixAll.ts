// "Fix all": the preferred fix of every open finding that has one, composed into one set of
// edits (fixes/compose.ts). Rules whose fix is a guess or a deletion (`fixAll: false` in
// rules.json) are left to the user; so are suppressed findings.
import { composeFixes, type ComposedFixes } from '../fixes/compose';
import type { Finding } from '../types';
import { ruleMetadata } from './metadata';

export function fixableInBulk(finding: Finding): boolean {
  return !finding.suppressed && finding.fixes.length > 0 && ruleMetadata(finding.rule)?.fixAll !== false;
}

export function fixAll(findings: readonly Finding[], textOf: (file: string) => string | undefined): ComposedFixes {
  return composeFixes(findings.filter(fixableInBulk).map((f) => f.fixes[0]!), textOf);
}
