// Syntax check of Terraform text with the parser the server uses (web-tree-sitter + the shipped
// tree-sitter-terraform.wasm): lists ERROR and MISSING nodes, so tests can insist on clean input.
const { Parser, Language } = require('web-tree-sitter') as typeof import('web-tree-sitter');
type SyntaxNode = import('web-tree-sitter').Node;

let parser: Promise<import('web-tree-sitter').Parser> | undefined;

function loadParser(): Promise<import('web-tree-sitter').Parser> {
  parser ??= (async () => {
    await Parser.init();
    const terraform = await Language.load(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm'));
    const p = new Parser();
    p.setLanguage(terraform);
    return p;
  })();
  return parser;
}

/** One line per ERROR or MISSING node, with its 1-based position and the text around it. Empty when clean. */
export async function syntaxProblems(text: string): Promise<string[]> {
  const tree = (await loadParser()).parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  try {
    const problems: string[] = [];
    const visit = (node: SyntaxNode): void => {
      if (node.isError || node.isMissing) {
        const where = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
        const line = text.split('\n')[node.startPosition.row] ?? '';
        problems.push(`${node.isMissing ? `MISSING ${node.type}` : 'ERROR'} at ${where}: ${line.trim()}`);
      }
      if (!node.hasError && !node.isMissing) return;
      for (const child of node.children) if (child) visit(child);
    };
    visit(tree.rootNode);
    return problems;
  } finally {
    tree.delete();
  }
}
