// Fuzzes the built server over stdio: mutated documents are opened and edited, and every
// request the server announces (hover, code lens, code actions, completion) is sent at random
// positions. Every request must be answered, and the server must stay up.
import { LspTestClient } from '../protocol/lspClient';
import type { CorpusModule } from './corpus';
import type { FuzzTally } from './fuzzCore';
import { mutate, type Random } from './mutate';

const REQUEST_TIMEOUT_MS = 10_000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${what} within ${REQUEST_TIMEOUT_MS} ms`)), REQUEST_TIMEOUT_MS))]);
}

export async function fuzzServer(modules: CorpusModule[], iterations: number, random: Random, tally: FuzzTally): Promise<void> {
  const client = await LspTestClient.start({ configuration: { vpceLens: { diagnostics: { debounceMs: 0 } } } });
  const capabilities = client.capabilities;
  try {
    for (let i = 0; i < iterations; i++) {
      const module = modules[Math.floor(random() * modules.length)]!;
      const paths = Object.keys(module.files);
      const path = paths[Math.floor(random() * paths.length)]!;
      const text = mutate(module.files[path]!, random);
      tally.inputs++;
      const uri = client.open(path, text, 1);
      client.change(uri, 2, [{ text: mutate(text, random) }]);
      const lines = text.split('\n');
      const line = Math.floor(random() * Math.max(1, lines.length));
      const position = { line, character: Math.floor(random() * ((lines[line]?.length ?? 0) + 1)) };
      const doc = { textDocument: { uri } };
      const requests: [string, unknown][] = [];
      if (capabilities.hoverProvider) requests.push(['textDocument/hover', { ...doc, position }]);
      if (capabilities.codeLensProvider) requests.push(['textDocument/codeLens', doc]);
      if (capabilities.completionProvider) requests.push(['textDocument/completion', { ...doc, position }]);
      if (capabilities.codeActionProvider) requests.push(['textDocument/codeAction', { ...doc, range: { start: position, end: position }, context: { diagnostics: [] } }]);
      for (const [method, params] of requests) {
        tally.requestsSent++;
        try {
          await within(client.request(method, params), method);
        } catch (error) {
          tally.failures.push({ kind: 'crash', detail: `${method}: ${(error as Error).message}`, input: text });
        }
      }
      client.close(uri);
    }
  } finally {
    const code = await client.stop();
    if (code !== 0) tally.failures.push({ kind: 'crash', detail: `server exited with ${code}: ${client.stderr.slice(-1000)}`, input: '' });
  }
}
