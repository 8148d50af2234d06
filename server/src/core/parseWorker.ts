// The parse thread's entry point (see parse/parallel.ts): parses and converts the files it is
// sent, exactly as the analyzer's own parser does, and sends them back as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { HclParser } from './parse/parseFile';
import type { FromWorker, ToWorker } from './parse/parallel';
import { toTransferable } from './parse/transfer';
import { convertEagerly } from './model/analysedTypes';

export interface ParseWorkerData {
  parseBudgetMs?: number;
}

async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('vpce-lens: parseWorker runs as a worker thread only');
  const { parseBudgetMs } = (workerData ?? {}) as ParseWorkerData;
  const parser = await HclParser.create(convertEagerly, parseBudgetMs);
  port.on('message', ({ id, files }: ToWorker) => {
    let answer: FromWorker;
    const started = performance.now();
    try {
      const converted = files.map(({ path, text }) => {
        const file = toTransferable(parser.parse(path, text));
        parser.forget(path); // the caller keeps the result; this thread keeps nothing
        return file;
      });
      answer = { id, files: converted, workMs: performance.now() - started };
    } catch (error) {
      answer = { id, error: String((error as Error).stack ?? error) };
    }
    port.postMessage(answer);
  });
  port.postMessage({ ready: true } satisfies FromWorker);
}

void serve();
