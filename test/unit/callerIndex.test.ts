// The caller index follows buffer edits: a module call typed into a root's buffer makes the
// called folder analysed through that root at the next question, without a rebuild, and
// erasing the call undoes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AnalysisService } from '../../server/src/analysisService';
import { CallerIndex } from '../../server/src/callerIndex';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { OpenDocuments } from '../../server/src/documents';
import { analyzer } from '../helpers/memoryModule';

const endpoint = (name: string) => `resource "aws_vpc_endpoint" "${name}" {\n  vpc_id       = "vpc-1"\n  service_name = "com.amazonaws.us-east-1.s3"\n}\n`;

test('a module call typed into a root buffer makes the called folder analysed through the root', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'vpce-lens-callers-'));
  const root = join(workspace, 'root');
  const child = join(root, 'child');
  mkdirSync(child, { recursive: true });
  writeFileSync(join(root, 'main.tf'), 'locals {}\n');
  writeFileSync(join(child, 'main.tf'), endpoint('a'));
  const documents = new OpenDocuments();
  const index = new CallerIndex(await analyzer(), documents, () => [workspace]);
  const analyses = new AnalysisService(await analyzer(), documents, async () => DEFAULT_SETTINGS, index);
  assert.deepEqual(index.rootsCalling(child), [], 'nothing calls the child yet');
  assert.equal((await analyses.analyze(child)).callers, undefined);

  const uri = pathToFileURL(join(root, 'main.tf')).toString();
  documents.open(uri, 1, 'locals {}\n');
  documents.change(uri, 2, [{ text: 'module "c" {\n  source = "./child"\n}\n' }]);
  analyses.invalidate(root);
  assert.deepEqual(index.rootsCalling(child), [root]);
  const result = await analyses.analyze(child);
  assert.deepEqual(result.callers?.map((c) => c.analysis.endpoints.map((e) => e.address)), [['module.c.aws_vpc_endpoint.a']]);

  documents.change(uri, 3, [{ text: 'locals {}\n' }]);
  analyses.invalidate(root);
  assert.deepEqual(index.rootsCalling(child), [], 'the call erased again: no caller');
});
