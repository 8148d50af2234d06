// Reads rule fixtures (see test/fixtures/rules/README.md): module folders whose expected
// findings are `# expect RULE…` comments on the line where each finding starts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const RULE_FIXTURES = resolve(__dirname, '../../../test/fixtures/rules');

export interface RuleCase {
  rule: string;
  name: string;
  dir: string;
  /** file path -> text */
  files: Record<string, string>;
  /** `file:line:RULE` for every marker */
  expected: string[];
}

const MARKER = /(?:#|\/\/)\s*expect\s+((?:VPCE\d{3}\s*)+)/;

export function ruleCases(): RuleCase[] {
  const cases: RuleCase[] = [];
  for (const rule of readdirSync(RULE_FIXTURES).sort()) {
    const ruleDir = join(RULE_FIXTURES, rule);
    if (!statSync(ruleDir).isDirectory()) continue;
    for (const name of readdirSync(ruleDir).sort()) {
      const dir = join(ruleDir, name);
      if (!statSync(dir).isDirectory()) continue;
      const files: Record<string, string> = {};
      const expected: string[] = [];
      for (const path of caseFiles(dir)) {
        const text = readFileSync(path, 'utf8');
        files[path] = text;
        text.split('\n').forEach((line, i) => {
          const match = MARKER.exec(line);
          if (match) for (const id of match[1]!.trim().split(/\s+/)) expected.push(`${path}:${i}:${id}`);
        });
      }
      cases.push({ rule, name, dir, files, expected: expected.sort() });
    }
  }
  return cases;
}

/** A case's module files, and those of local child modules in its subfolders (`modules/x/main.tf`). */
function caseFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return caseFiles(path);
    return /\.(tf|tfvars|tfvars\.json|yml)$/.test(name) ? [path] : [];
  });
}
