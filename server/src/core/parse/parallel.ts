// A second thread that parses and converts files while the calling thread does its own share:
// on a multi-core machine a cold module is parsed in about half the time. Trees cannot leave a
// thread, so the worker sends converted files (transfer.ts). Any failure of the worker only
// means its files are parsed on the calling thread after all.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { HclFile } from './ast';
import { fromTransferable, type TransferableFile } from './transfer';

export interface ParseRequest {
  path: string;
  text: string;
}

/** Messages of the worker protocol (parseWorker.ts answers them). */
export type ToWorker = { id: number; files: ParseRequest[] };
export type FromWorker =
  | { ready: true }
  | { id: number; files: TransferableFile[]; workMs: number }
  | { id: number; error: string };

export class ParseThread {
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: { files: TransferableFile[]; workMs: number } | undefined) => void>();
  private alive = true;

  private constructor(private readonly worker: Worker, private readonly report: (message: string) => void) {
    worker.on('message', (message: FromWorker) => {
      if (!('id' in message)) return;
      const settle = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if ('error' in message) report(`the parse thread could not parse its files; they were parsed on the main thread: ${message.error.split('\n')[0]}`);
      settle?.('files' in message ? message : undefined);
    });
    const fail = (why: string) => {
      if (this.alive) report(`the parse thread ${why}; cold modules are parsed on one thread from now on`);
      this.alive = false;
      for (const settle of this.waiting.values()) settle(undefined);
      this.waiting.clear();
    };
    worker.on('error', (error) => fail(`failed (${error.message})`));
    worker.on('exit', (code) => fail(`exited (code ${code})`));
    worker.unref(); // an idle parse thread never keeps the process alive
  }

  /**
   * Starts `script` (a parseWorker) and waits until it has loaded the grammar. Undefined on a
   * single-core machine (nothing to gain) or when the thread cannot start (`report` says why).
   * `report` also hears of any later trouble: the thread failing, stuck, or unable to parse.
   */
  static async start(script: string, workerData: unknown, report: (message: string) => void = () => undefined): Promise<ParseThread | undefined> {
    if (availableParallelism() < 2) return undefined;
    try {
      const worker = new Worker(script, { workerData });
      const failure = await new Promise<string | undefined>((resolve) => {
        worker.once('message', (message: FromWorker) => resolve('ready' in message ? undefined : 'it did not say it was ready'));
        worker.once('error', (error) => resolve(error.message));
        worker.once('exit', (code) => resolve(`it exited (code ${code})`));
      });
      if (failure === undefined) return new ParseThread(worker, report);
      await worker.terminate();
      report(`the parse thread could not start (${failure}); cold modules are parsed on one thread`);
    } catch (error) {
      report(`the parse thread could not start (${(error as Error).message}); cold modules are parsed on one thread`);
    }
    return undefined;
  }

  get usable(): boolean {
    return this.alive;
  }

  /**
   * The converted files, in the order asked, and the time the thread worked on them; undefined
   * when the thread failed.
   */
  async parse(files: ParseRequest[]): Promise<{ files: HclFile[]; workMs: number } | undefined> {
    if (!this.alive) return undefined;
    const id = this.nextId++;
    const answer = new Promise<{ files: TransferableFile[]; workMs: number } | undefined>((resolve) => this.waiting.set(id, resolve));
    this.worker.ref(); // keep the process alive while the thread has work
    try {
      this.worker.postMessage({ id, files } satisfies ToWorker);
      const converted = await answer;
      return converted && { files: converted.files.map(fromTransferable), workMs: converted.workMs };
    } finally {
      if (this.waiting.size === 0) this.worker.unref();
    }
  }

  /**
   * `answer` (of `parse`), or undefined when it takes longer than `ms`: the thread is then taken
   * for stuck and stopped for good, and its files are parsed on the calling thread.
   */
  async waitAtMost<T>(answer: Promise<T | undefined>, ms: number): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        if (this.alive) this.report(`the parse thread took over ${ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`}; it was stopped and cold modules are parsed on one thread from now on`);
        void this.dispose();
        resolve(undefined);
      }, ms);
    });
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async dispose(): Promise<void> {
    this.alive = false;
    await this.worker.terminate();
  }
}
