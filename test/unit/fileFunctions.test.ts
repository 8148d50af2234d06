// Terraform's file functions over a module on disk: relative paths start at the root module's
// directory, path.module is relative to it, bytes are read exactly, a missing file is
// Terraform's error, and nothing outside the module tree is read (Unknown, not a problem).
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskModuleFiles } from '../../server/src/diskFiles';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { isError, isUnknown } from '../../server/src/core/model/values';
import { analyzer } from '../helpers/memoryModule';

function workspace(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpce-lens-files-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

test('file functions read the module on disk, from the root module directory', async () => {
  const outside = workspace({ 'secret.txt': 'no' });
  const dir = workspace({
    'main.tf': `
locals {
  text    = file("\${path.module}/files/hello.txt")
  bin     = filebase64("files/blob.bin")
  sum     = filesha256("files/blob.bin")
  set     = fileset(path.module, "files/**")
  exists  = fileexists("files/nope.txt")
  missing = file("files/nope.txt")
  out     = file("${join(outside, 'secret.txt')}")
  up      = file("../escape.txt")
  child   = module.child.text
  where   = module.child.where
}
module "child" {
  source = "./modules/child"
}`,
    'files/hello.txt': 'Hello World',
    'files/blob.bin': new Uint8Array([0, 255, 128, 10]),
    'files/sub/deeper.txt': 'x',
    'modules/child/main.tf': `
output "text" { value = file("\${path.module}/data.txt") }
output "where" { value = path.module }`,
    'modules/child/data.txt': 'from the child',
  });
  try {
    const files = new DiskModuleFiles();
    const a = (await analyzer()).analyze(dir, files, DEFAULT_SETTINGS);
    const local = (name: string) => a.root.evaluator.refs.local(name);
    assert.equal(local('text'), 'Hello World');
    assert.equal(local('bin'), 'AP+ACg==', 'binary bytes exactly');
    assert.equal(local('sum'), createHash('sha256').update(new Uint8Array([0, 255, 128, 10])).digest('hex'), 'the hash of the bytes');
    assert.deepEqual(local('set'), ['files/blob.bin', 'files/hello.txt', 'files/sub/deeper.txt']);
    assert.equal(local('exists'), false);
    assert.ok(isError(local('missing')), 'a missing file is an error, as in Terraform');
    assert.ok(isUnknown(local('out')) && !isError(local('out')), 'a file outside the module is not read');
    assert.ok(isUnknown(local('up')) && !isError(local('up')), 'nor one above it');
    assert.equal(local('child'), 'from the child');
    assert.equal(local('where'), 'modules/child', 'path.module is relative to the root module');
    assert.deepEqual([...files.unreadable.keys()], [], 'reading for functions records no problem');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});
