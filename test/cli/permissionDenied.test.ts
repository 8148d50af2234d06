// The built CLI on a module part of which it may not read (mode 000, run as a user the modes
// apply to: see test/helpers/permissionDenied.ts). Findings and exit codes per docs/cli.md,
// never a stack trace, and everything readable still analysed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { unreadableModule, type LockedTree } from '../helpers/permissionDenied';

let shared: LockedTree | undefined;
/** Made on first use, so that a tree that cannot be made fails the test that needs it. */
const tree = () => (shared ??= unreadableModule());
after(() => shared?.remove());

interface JsonFinding { rule: string; severity: string; file: string; message: string }

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = tree().cli(args);
  assert.doesNotMatch(result.stderr, /\n\s+at |internal error/, `${args.join(' ')}: no stack trace`);
  return result;
}

function findings(args: string[]): { code: number | null; findings: JsonFinding[] } {
  const result = run([...args, '--format', 'json']);
  return { code: result.code, findings: (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings };
}

function assertDenied(all: JsonFinding[], file: string, name: string): void {
  const about = all.filter((f) => f.file === file);
  assert.equal(about.length, 1, `one finding for ${file}: ${JSON.stringify(about)}`);
  assert.equal(about[0]!.rule, 'VPCE000');
  assert.equal(about[0]!.severity, 'error');
  assert.match(about[0]!.message, new RegExp(`^${name} .*permission denied`));
}

test(`check: the unreadable file and the unreadable module folder it calls are VPCE000 errors, the readable file is still checked, exit 1`, () => {
  const { code, findings: all } = findings(['check', 'm']);
  assert.equal(code, 1);
  assertDenied(all, 'm/secret.tf', 'secret\\.tf');
  assertDenied(all, 'm/child', 'child');
  assert.ok(all.some((f) => f.file === 'm/main.tf' && f.rule === 'VPCE101'), 'main.tf is analysed');
  assert.ok(!all.some((f) => f.file.startsWith('m/scratch')), 'a folder the module does not use is not part of it');
});

test('check --format text names the unreadable paths in the file:line:col form', () => {
  const r = run(['check', 'm']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^m\/secret\.tf:1:1: error VPCE000 secret\.tf .*permission denied/m);
  assert.match(r.stdout, /^m\/child:1:1: error VPCE000 child .*permission denied/m);
  assert.match(r.stdout, /^m\/main\.tf:\d+:\d+: error VPCE101 /m);
});

test('check --recursive: an unreadable subfolder is reported once, not skipped', () => {
  const { code, findings: all } = findings(['check', 'm', '--recursive']);
  assert.equal(code, 1);
  assertDenied(all, 'm/secret.tf', 'secret\\.tf');
  assertDenied(all, 'm/child', 'child');
  assertDenied(all, 'm/scratch', 'scratch');
  assert.ok(all.some((f) => f.file === 'm/main.tf' && f.rule === 'VPCE101'), 'main.tf is analysed');
});

test('an unreadable .tf file named as PATH is a finding; an unreadable folder named as PATH is exit 2', () => {
  const { code, findings: all } = findings(['check', 'm/secret.tf']);
  assert.equal(code, 1);
  assert.deepEqual(all.map((f) => f.file), ['m/secret.tf']);
  assertDenied(all, 'm/secret.tf', 'secret\\.tf');
  for (const args of [['check', 'm/scratch'], ['check', 'm/scratch', '--recursive'], ['cost', 'm/scratch']]) {
    const r = run(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^vpce-lens: m\/scratch: cannot be read \(permission denied\)$/m, args.join(' '));
  }
});

test('cost: what can be read is priced, the unreadable paths are named on stderr, exit 2', () => {
  for (const format of ['json', 'text']) {
    const r = run(['cost', 'm', '--format', format]);
    assert.equal(r.code, 2, `${format}: unreadable input`);
    assert.match(r.stderr, /^vpce-lens: m\/secret\.tf cannot be read \(permission denied\)/m);
    assert.match(r.stderr, /^vpce-lens: m\/child is a folder that cannot be read \(permission denied\)/m);
    if (format === 'json') {
      const addresses = (JSON.parse(r.stdout) as { resources: { address: string }[] }).resources.map((x) => x.address).sort();
      assert.deepEqual(addresses, ['aws_nat_gateway.n', 'aws_vpc_endpoint.sts']);
    } else {
      assert.match(r.stdout, /aws_nat_gateway\.n\s+NAT gateway\s+eu-west-1\s+\$0\.0480\s+\$35\.04/);
    }
  }
  const alone = run(['cost', 'm/secret.tf']);
  assert.equal(alone.code, 2, 'not "no NAT gateways found"');
  assert.match(alone.stderr, /^vpce-lens: m\/secret\.tf cannot be read \(permission denied\)/m);
});
