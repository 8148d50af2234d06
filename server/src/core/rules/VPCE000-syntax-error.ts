// VPCE000: a file that does not parse. Reported with the position of each error.
import type { Rule } from './rule';

export const syntaxErrorRule: Rule = {
  id: 'VPCE000',
  run: (analysis) =>
    // A module called with count/for_each is evaluated once per instance over the same files.
    [...new Set(analysis.modules.flatMap((m) => m.evaluator.module.files))].flatMap((file) =>
      file.syntaxErrors.map((error) => ({ file: file.path, range: error.range, message: error.message })),
    ),
};
