// A rule that throws is reported on the module's first file (where the editor shows it), its
// stack goes to stderr, and the other rules still run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES } from '../../server/src/core/rules/table';
import type { Rule } from '../../server/src/core/rules/rule';
import { analyzeModule, ROOT } from '../helpers/memoryModule';

test('a rule that throws: a VPCE000 finding on the first file, its stack on stderr, other rules unharmed', async () => {
  const broken: Rule = { id: 'VPCE999', run: () => { throw new Error('boom'); } };
  const table = RULES as Rule[];
  table.push(broken);
  const logged: string[] = [];
  const original = console.error;
  console.error = (message: string) => void logged.push(message);
  try {
    const analysis = await analyzeModule({ 'a.tf': 'resource "aws_vpc_endpoint" "x" {\n  service_name = "com.amazonaws.us-east-1.sts"\n}\n' });
    const crash = analysis.findings.filter((f) => f.message.startsWith('Internal error in rule VPCE999'));
    assert.equal(crash.length, 1);
    assert.equal(crash[0]!.file, `${ROOT}/a.tf`);
    assert.ok(logged.some((l) => /rule VPCE999 failed .*boom[\s\S]*at /.test(l)), 'the stack is logged');
    assert.ok(analysis.findings.some((f) => f.rule === 'VPCE101'), 'the other rules ran');
  } finally {
    console.error = original;
    table.splice(table.indexOf(broken), 1);
  }
});
