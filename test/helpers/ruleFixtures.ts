// Reads rule fixtures (see test/fixtures/rules/README.md): module folders whose expected
// findings are `# expect RULE…` comments on the line where each finding starts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const RULE_FIXTURES = resolve(__dirname, '../../../test/fixtures/rules');

export interface RuleCase {
  rule: string;
  name: string;
  dir: string;
  /** file path -> text */
  files: Record<string, string>;
  /** `file:line:RULE` for every marker */
  expected: string[];
  /** file path -> its expected text after the preferred fix of the case's first finding (`<file>.fixed`) */
  fixed: Record<string, string>;
}

/** `main.tf.fixed` beside `main.tf`: what the preferred fix of the case's first finding makes of it. */
const FIXED = '.fixed';

/** `<rule>/_shared/`: files every case of that rule gets (a network the cases build on). */
const SHARED = '_shared';

/** `<file>.from` holds the name of a file in LIBRARY whose text is `<file>`'s. */
const FROM = '.from';
const LIBRARY = resolve(__dirname, '../../../test/fixtures/shared');
const MODULE_FILE = /\.(tf|tfvars|tfvars\.json|yml)$/;

const MARKER = /(?:#|\/\/)\s*expect\s+((?:VPCE\d{3}\s*)+)/;

export function ruleCases(): RuleCase[] {
  const cases: RuleCase[] = [];
  for (const rule of readdirSync(RULE_FIXTURES).sort()) {
    const ruleDir = join(RULE_FIXTURES, rule);
    if (!statSync(ruleDir).isDirectory()) continue;
    const shared = existsSync(join(ruleDir, SHARED)) ? caseFiles(join(ruleDir, SHARED)) : [];
    for (const name of readdirSync(ruleDir).sort()) {
      const dir = join(ruleDir, name);
      if (name === SHARED || !statSync(dir).isDirectory()) continue;
      const own = caseFiles(dir);
      // A shared file joins the case as if it were in the case folder, unless the case has its own of that name.
      const sources = [
        ...shared.filter((s) => !own.some((o) => o.path === join(dir, basename(s.path)))).map((s) => ({ ...s, path: join(dir, basename(s.path)) })),
        ...own,
      ];
      const { files, expected } = readMarked(sources);
      const fixed: Record<string, string> = {};
      for (const { path } of caseFiles(dir, FIXED)) fixed[path.slice(0, -FIXED.length)] = readFileSync(path, 'utf8');
      cases.push({ rule, name, dir, files, expected, fixed });
    }
  }
  return cases;
}

/**
 * The text of a module's files and its `# expect` markers (`file:line:RULE`, sorted). Shared by
 * the rule fixtures and the pattern suite (test/fixtures/patterns/).
 */
export function readMarked(sources: readonly CaseFile[]): { files: Record<string, string>; expected: string[] } {
  const files: Record<string, string> = {};
  const expected: string[] = [];
  for (const { path, source } of [...sources].sort((a, b) => a.path.localeCompare(b.path))) {
    const text = readFileSync(source, 'utf8');
    files[path] = text;
    text.split('\n').forEach((line, i) => {
      const match = MARKER.exec(line);
      if (match) for (const id of match[1]!.trim().split(/\s+/)) expected.push(`${path}:${i}:${id}`);
    });
  }
  return { files, expected: expected.sort() };
}

/** A file of a case: where it sits in the module, and the file its text is read from. */
export interface CaseFile {
  path: string;
  source: string;
}

/**
 * A case's module files, and those of local child modules in its subfolders (`modules/x/main.tf`);
 * with `suffix`, its files with that ending instead (the `.fixed` expectations). `network.tf.from`
 * stands for `network.tf` with the text of the library file it names (test/fixtures/shared/).
 */
export function caseFiles(dir: string, suffix?: string): CaseFile[] {
  return readdirSync(dir).sort().flatMap((name): CaseFile[] => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return caseFiles(path, suffix);
    if (suffix) return name.endsWith(suffix) ? [{ path, source: path }] : [];
    if (name.endsWith(FROM) && MODULE_FILE.test(name.slice(0, -FROM.length))) {
      return [{ path: path.slice(0, -FROM.length), source: join(LIBRARY, readFileSync(path, 'utf8').trim()) }];
    }
    return MODULE_FILE.test(name) ? [{ path, source: path }] : [];
  });
}
