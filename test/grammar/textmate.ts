// Loads the shipped TextMate grammars with vscode-textmate + vscode-oniguruma, wired the way VS Code
// wires `contributes.grammars` (see docs/highlighting.md), and turns text into scoped tokens.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const repoRoot = findRepoRoot(__dirname);

export const MAIN_SCOPE = 'source.terraform.vpce-lens';
export const HASHICORP_SCOPE = 'source.hcl.terraform';
export const INJECTION_SCOPE = 'vpce-lens.injection.endpoint-service';

/** The `contributes.grammars` entries vpce-lens ships; package.json must carry exactly these. */
export const GRAMMAR_CONTRIBUTIONS = [
  {
    language: 'terraform',
    scopeName: MAIN_SCOPE,
    path: './syntaxes/terraform.tmLanguage.json',
  },
  {
    scopeName: INJECTION_SCOPE,
    path: './syntaxes/vpce-endpoints.injection.tmLanguage.json',
    injectTo: [HASHICORP_SCOPE, MAIN_SCOPE],
  },
];

/** A grammar written for the tests that stands in for HashiCorp's `source.hcl.terraform`. */
export const HASHICORP_STAND_IN = path.join(repoRoot, 'test/fixtures/grammar/stand-in/hashicorp-terraform.tmLanguage.json');

export interface ScopedToken {
  line: number;
  startIndex: number;
  endIndex: number;
  text: string;
  scopes: string[];
}

export interface GrammarSetup {
  /** Also register a grammar under HashiCorp's scope name, as when both extensions are installed. */
  withHashicorpStandIn?: boolean;
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** The oniguruma binding, loaded once per process (vscode-oniguruma refuses a second loadWASM). */
export function loadOnigLib(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

/** A registry holding our grammars (and optionally the HashiCorp stand-in), with VS Code's injection lookup. */
export function createRegistry(setup: GrammarSetup = {}): vsctm.Registry {
  const files = new Map<string, string>();
  const injections = new Map<string, string[]>();
  for (const contribution of GRAMMAR_CONTRIBUTIONS) {
    files.set(contribution.scopeName, path.join(repoRoot, contribution.path));
    for (const target of contribution.injectTo ?? []) {
      injections.set(target, [...(injections.get(target) ?? []), contribution.scopeName]);
    }
  }
  if (setup.withHashicorpStandIn) files.set(HASHICORP_SCOPE, HASHICORP_STAND_IN);

  return new vsctm.Registry({
    onigLib: loadOnigLib(),
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      if (!file) return null; // VS Code does the same for a scope no installed extension provides
      return vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
    // VS Code's TMGrammarFactory: injections registered for every dotted prefix of the scope.
    getInjections: (scopeName) => {
      const parts = scopeName.split('.');
      const found: string[] = [];
      for (let i = 1; i <= parts.length; i++) found.push(...(injections.get(parts.slice(0, i).join('.')) ?? []));
      return found;
    },
  });
}

export async function tokenize(text: string, rootScope = MAIN_SCOPE, setup: GrammarSetup = {}): Promise<ScopedToken[]> {
  const grammar = await createRegistry(setup).loadGrammar(rootScope);
  if (!grammar) throw new Error(`no grammar for ${rootScope}`);
  const tokens: ScopedToken[] = [];
  let stack = vsctm.INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, stack);
    for (const token of result.tokens) {
      const endIndex = Math.min(token.endIndex, lineText.length);
      if (endIndex <= token.startIndex) continue;
      tokens.push({ line, startIndex: token.startIndex, endIndex, text: lineText.slice(token.startIndex, endIndex), scopes: token.scopes });
    }
    stack = result.ruleStack;
  });
  return tokens;
}

/**
 * Snapshot text in the style of vscode-tmgrammar-snap: each source line prefixed with `>`, then one
 * `#` line per non-blank token with carets under it and its scopes (the root scope left out).
 */
export function renderSnapshot(text: string, tokens: ScopedToken[]): string {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((lineText, line) => {
    out.push(`>${lineText}`);
    for (const token of tokens) {
      if (token.line !== line || token.text.trim() === '') continue;
      const scopes = token.scopes.slice(1).join(' ');
      out.push(`#${' '.repeat(token.startIndex)}${'^'.repeat(token.endIndex - token.startIndex)} ${scopes}`);
    }
  });
  return out.join('\n') + '\n';
}

/** The tokens covering the first occurrence of `needle` (optionally after `after`) in the text. */
export function tokensAt(text: string, tokens: ScopedToken[], needle: string, after = ''): ScopedToken[] {
  const from = after ? text.indexOf(after) : 0;
  if (from < 0) throw new Error(`anchor not found: ${after}`);
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`text not found: ${needle}`);
  const before = text.slice(0, offset).split(/\r?\n/);
  const line = before.length - 1;
  const start = before[line]!.length;
  const end = start + needle.length;
  const covering = tokens.filter((t) => t.line === line && t.endIndex > start && t.startIndex < end);
  if (covering.length === 0) throw new Error(`no token at: ${needle}`);
  return covering;
}

function findRepoRoot(from: string): string {
  let dir = from;
  // tsconfig.json, not package.json: a build may copy package.json into out/.
  while (!existsSync(path.join(dir, 'tsconfig.json')) || !existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no repository root above ${from}`);
    dir = parent;
  }
  return dir;
}
