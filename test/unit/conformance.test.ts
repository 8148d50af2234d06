// The evaluator against Terraform's documented behaviour: every case of the conformance table
// (test/fixtures/conformance/*.yaml) is evaluated as `local.result` of a module of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeModule } from '../helpers/memoryModule';
import { conformanceCases, plain } from '../helpers/conformance';
import { isError, isUnknown } from '../../server/src/core/model/values';
import { FUNCTION_NAMES } from '../../server/src/core/model/functions';

const cases = conformanceCases();

test('the conformance table has at least 300 cases', () => {
  assert.ok(cases.length >= 300, `${cases.length} cases`);
});

test('every built-in function has a conformance case', () => {
  const called = new Set(cases.flatMap((c) => [...c.expr.matchAll(/\b([a-z][a-z0-9_]*)\s*\(/g)].map((m) => m[1])));
  const missing = FUNCTION_NAMES.filter((name) => !called.has(name));
  assert.deepEqual(missing, [], `functions without a case: ${missing.join(', ')}`);
});

for (const c of cases) {
  test(`${c.id}: ${c.expr.replace(/\s+/g, ' ').slice(0, 100)}`, async () => {
    const files: Record<string, string> = { ...c.files, 'main.tf': `${c.setup}\nlocals {\n  result = ${c.expr}\n}\n` };
    if (c.tfvars !== undefined) files['terraform.tfvars'] = c.tfvars;
    const analysis = await analyzeModule(files, c.settings);
    const syntax = analysis.files.flatMap((f) => f.syntaxErrors);
    assert.deepEqual(syntax.map((e) => e.message), [], `the case parses (${c.source})`);
    const value = analysis.root.evaluator.refs.local('result');
    const where = `(${c.source}); got ${JSON.stringify(plain(value))}`;
    switch (c.expect.kind) {
      case 'error':
        assert.ok(isError(value), `an evaluation error ${where}`);
        break;
      case 'unknown':
        assert.ok(isUnknown(value) && !isError(value), `Unknown, not an error ${where}`);
        break;
      case 'value':
        assert.deepStrictEqual(plain(value), c.expect.value, `the documented value ${where}`);
        break;
    }
  });
}
