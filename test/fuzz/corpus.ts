// The fuzz corpus: every .tf module in examples/ and test/fixtures/ (each a folder of files).
// Rule fixture cases are read as the rule test reads them, with their shared files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULE_FIXTURES, ruleCases } from '../helpers/ruleFixtures';

export const REPO = resolve(__dirname, '../../..');

/** Files that rule fixture cases take their text from (they are not modules themselves). */
const FIXTURE_LIBRARY = join(REPO, 'test/fixtures/shared');

export interface CorpusModule {
  dir: string;
  files: Record<string, string>;
}

export function corpus(): CorpusModule[] {
  const modules: CorpusModule[] = [];
  const visit = (dir: string): void => {
    if (dir === RULE_FIXTURES || dir === FIXTURE_LIBRARY) return;
    const entries = readdirSync(dir).sort();
    const tf = entries.filter((e) => e.endsWith('.tf'));
    if (tf.length > 0) modules.push({ dir, files: Object.fromEntries(tf.map((e) => [join(dir, e), readFileSync(join(dir, e), 'utf8')])) });
    for (const e of entries) if (statSync(join(dir, e)).isDirectory()) visit(join(dir, e));
  };
  visit(join(REPO, 'examples'));
  visit(join(REPO, 'test/fixtures'));
  for (const { dir, files } of ruleCases()) modules.push({ dir, files: Object.fromEntries(Object.entries(files).filter(([path]) => path.endsWith('.tf'))) });
  return modules;
}
