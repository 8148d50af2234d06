// The fuzz corpus: every .tf module in examples/ and test/fixtures/ (each a folder of files).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../../..');

export interface CorpusModule {
  dir: string;
  files: Record<string, string>;
}

export function corpus(): CorpusModule[] {
  const modules: CorpusModule[] = [];
  const visit = (dir: string): void => {
    const entries = readdirSync(dir).sort();
    const tf = entries.filter((e) => e.endsWith('.tf'));
    if (tf.length > 0) modules.push({ dir, files: Object.fromEntries(tf.map((e) => [join(dir, e), readFileSync(join(dir, e), 'utf8')])) });
    for (const e of entries) if (statSync(join(dir, e)).isDirectory()) visit(join(dir, e));
  };
  visit(join(REPO, 'examples'));
  visit(join(REPO, 'test/fixtures'));
  return modules;
}
