// The shape of the code, checked by tools made for it: dependency-cruiser holds the layering of
// docs/design.md and forbids import cycles (.dependency-cruiser.cjs, type-only imports included);
// knip finds unused files, exports and dependencies (knip.json). Each prints what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers/costFixtures';

function run(tool: string, args: string[]): { status: number | null; output: string } {
  const bin = join(REPO, 'node_modules/.bin', tool);
  assert.ok(existsSync(bin), `${tool} is not installed: run npm ci (it is a devDependency)`);
  const result = spawnSync(bin, args, { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('no import cycle, and imports follow the layers of docs/design.md (dependency-cruiser)', () => {
  const { status, output } = run('depcruise', ['server/src', 'client/src', '--output-type', 'err']);
  assert.equal(status, 0, output);
  assert.match(output, /no dependency violations found/);
});

test('no unused file, export or dependency (knip)', () => {
  const { status, output } = run('knip', ['--no-progress']);
  assert.equal(status, 0, output);
});
