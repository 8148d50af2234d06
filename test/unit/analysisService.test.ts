// The server's analysis scheduling (server/src/analysisService.ts): requests on one version
// share one analysis; a change while an analysis waits makes it read the new text; a change
// afterwards makes the next request analyse again, also through a child module folder it read;
// a cancelled request gets Cancelled while the shared analysis still answers the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AnalysisService } from '../../server/src/analysisService';
import { Cancelled } from '../../server/src/cancellation';
import { OpenDocuments } from '../../server/src/documents';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { analyzer } from '../helpers/memoryModule';

// A folder that is not on disk: the module is made of open buffers only.
const DIR = '/virtual/scheduling';
const endpoint = (name: string) => `resource "aws_vpc_endpoint" "${name}" {\n  vpc_id       = "vpc-1"\n  service_name = "com.amazonaws.us-east-1.s3"\n}\n`;

/** A service over open buffers whose settings answer only when `release()` is called. */
async function service() {
  const documents = new OpenDocuments();
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const analyses = new AnalysisService(await analyzer(), documents, async () => {
    await gate;
    return DEFAULT_SETTINGS;
  });
  return {
    documents, analyses,
    release: () => release(),
    runs: () => analyses.stats().analyses[DIR] ?? 0,
  };
}

const addresses = (result: Awaited<ReturnType<AnalysisService['analyze']>>) => result.analysis.endpoints.map((e) => e.address);

test('requests on one version share one analysis, and later ones get it kept', async () => {
  const s = await service();
  s.documents.open(`file://${DIR}/main.tf`, 1, endpoint('a'));
  const waiting = Array.from({ length: 6 }, () => s.analyses.analyze(DIR));
  s.release();
  const results = await Promise.all(waiting);
  assert.equal(s.runs(), 1);
  assert.ok(results.every((r) => r.analysis === results[0]!.analysis));
  assert.deepEqual(addresses(results[0]!), ['aws_vpc_endpoint.a']);
  assert.equal((await s.analyses.analyze(DIR)).analysis, results[0]!.analysis);
  assert.equal(s.runs(), 1, 'nothing changed: no second analysis');
});

test('an edit that arrives while the analysis waits is what it reads; an edit after it makes the next request analyse again', async () => {
  const s = await service();
  const uri = `file://${DIR}/main.tf`;
  s.documents.open(uri, 1, endpoint('a'));
  const asked = s.analyses.analyze(DIR); // sent for version 1
  s.documents.change(uri, 2, [{ text: endpoint('b') }]);
  s.analyses.invalidate(DIR);
  s.release();
  assert.deepEqual(addresses(await asked), ['aws_vpc_endpoint.b'], 'the answer is version 2');
  assert.equal(s.runs(), 1, 'version 1 was never analysed');
  s.documents.change(uri, 3, [{ text: endpoint('c') }]);
  s.analyses.invalidate(DIR);
  assert.deepEqual(addresses(await s.analyses.analyze(DIR)), ['aws_vpc_endpoint.c']);
  assert.equal(s.runs(), 2);
});

test('an edit in a child module folder the analysis read makes it stale', async () => {
  const s = await service();
  s.release();
  s.documents.open(`file://${DIR}/main.tf`, 1, 'module "child" {\n  source = "./child"\n}\n');
  const child = `file://${DIR}/child/main.tf`;
  s.documents.open(child, 1, endpoint('a'));
  assert.deepEqual(addresses(await s.analyses.analyze(DIR)), ['module.child.aws_vpc_endpoint.a']);
  s.documents.change(child, 2, [{ text: endpoint('b') }]);
  s.analyses.invalidate(`${DIR}/child`);
  assert.deepEqual(addresses(await s.analyses.analyze(DIR)), ['module.child.aws_vpc_endpoint.b']);
  assert.equal(s.runs(), 2);
});

test('a cancelled request gets Cancelled; the analysis it shared still answers the others', async () => {
  const s = await service();
  s.documents.open(`file://${DIR}/main.tf`, 1, endpoint('a'));
  const token = { isCancellationRequested: false };
  const cancelled = s.analyses.analyze(DIR, token);
  const other = s.analyses.analyze(DIR);
  token.isCancellationRequested = true;
  s.release();
  await assert.rejects(cancelled, Cancelled);
  assert.deepEqual(addresses(await other), ['aws_vpc_endpoint.a']);
  assert.equal(s.runs(), 1);
  await assert.rejects(s.analyses.analyze(DIR, token), Cancelled, 'a request cancelled before it asks gets no answer either');
});
