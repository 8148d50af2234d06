// `vpce-lens check --format text` for a CI log: sorted, one line per finding in the
// `file:line:col: severity RULE message` form, a blank line between files, one summary line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkText, type RootedFinding } from '../../server/src/cli/checkOutput';

const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 5 } });
const finding = (file: string, line: number, rule: string, extra: Partial<RootedFinding> = {}): RootedFinding => ({
  rule, severity: 'warning', file: join(process.cwd(), file), range: at(line, 2), message: `${rule} says so.`, fixes: [], root: '.', ...extra,
});

test('findings are sorted by file and line, grouped by file, 1-based, with the summary last', () => {
  const text = checkText([
    finding('b.tf', 9, 'VPCE201', { fixes: [{ title: 'fix', edits: [] }], address: 'aws_vpc.main' }),
    finding('a.tf', 20, 'VPCE203', { severity: 'error' }),
    finding('a.tf', 3, 'VPCE302', { severity: 'hint', message: 'About aws_vpc_endpoint.x.', address: 'aws_vpc_endpoint.x' }),
    finding('a.tf', 4, 'VPCE202', { suppressed: true }),
  ]);
  assert.equal(text, [
    'a.tf:4:3: hint VPCE302 About aws_vpc_endpoint.x.',
    'a.tf:21:3: error VPCE203 VPCE203 says so.',
    '',
    'b.tf:10:3: warning VPCE201 VPCE201 says so. [aws_vpc.main] (quick fix)',
    '',
    'vpce-lens: 1 error, 1 warning, 1 info/hint in 2 files (1 with a quick fix: --format json lists the edits), 1 suppressed',
  ].join('\n'));
});

test('nothing to report is one line, which still counts suppressed findings', () => {
  assert.equal(checkText([]), 'vpce-lens: no findings');
  assert.equal(checkText([finding('a.tf', 0, 'VPCE201', { suppressed: true })]), 'vpce-lens: no findings, 1 suppressed');
});

test('findings of several root modules are grouped under each root', () => {
  const text = checkText([
    finding('prod/main.tf', 1, 'VPCE201', { root: 'live/prod' }),
    finding('dev/main.tf', 2, 'VPCE203', { root: 'live/dev' }),
    finding('prod/main.tf', 0, 'VPCE105', { root: 'live/prod' }),
  ]);
  assert.equal(text, [
    '== live/prod',
    'prod/main.tf:1:3: warning VPCE105 VPCE105 says so.',
    'prod/main.tf:2:3: warning VPCE201 VPCE201 says so.',
    '',
    '== live/dev',
    'dev/main.tf:3:3: warning VPCE203 VPCE203 says so.',
    '',
    'vpce-lens: 0 errors, 3 warnings, 0 info/hint in 2 files',
  ].join('\n'));
});
