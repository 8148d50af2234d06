// Loads web-tree-sitter and the Terraform grammar once per process. The wasm files are looked
// up next to the running bundle first (dist/), then in node_modules (tests, tsc output).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Language, Parser } from 'web-tree-sitter';

const RUNTIME_WASM = 'tree-sitter.wasm';
const GRAMMAR_WASM = 'tree-sitter-terraform.wasm';

function locate(file: string, packageEntry: string): string {
  const beside = join(__dirname, file);
  if (existsSync(beside)) return beside;
  try {
    const fromPackage = join(dirname(require.resolve(packageEntry)), file);
    if (existsSync(fromPackage)) return fromPackage;
  } catch {
    // fall through to the clear error below
  }
  throw new Error(`vpce-lens: cannot find ${file} next to ${__dirname} or in node_modules; run \`npm run build\``);
}

let loading: Promise<Language> | undefined;
let loaded: Language | undefined;
let sharedParser: Parser | undefined;

/** The Terraform grammar, loaded once. */
function loadTerraformLanguage(): Promise<Language> {
  loading ??= (async () => {
    const runtimeWasm = locate(RUNTIME_WASM, 'web-tree-sitter');
    await Parser.init({ locateFile: () => runtimeWasm } as unknown as Parameters<typeof Parser.init>[0]);
    loaded = await Language.load(locate(GRAMMAR_WASM, '@tree-sitter-grammars/tree-sitter-hcl/package.json'));
    return loaded;
  })();
  return loading;
}

/** A parser for synchronous use once the grammar is loaded (re-parsing a deferred block). */
export function loadedParser(): Parser {
  sharedParser ??= newLoadedParser();
  return sharedParser;
}

/** A parser of its own once the grammar is loaded, for a caller that keeps trees across calls (completion). */
export function newLoadedParser(): Parser {
  if (!loaded) throw new Error('vpce-lens: the Terraform grammar is not loaded yet');
  const parser = new Parser();
  parser.setLanguage(loaded);
  return parser;
}

/** A parser for the Terraform grammar. Parsers are cheap; the language is shared. */
export async function createTerraformParser(): Promise<Parser> {
  const language = await loadTerraformLanguage();
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
