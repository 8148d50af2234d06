// Completion in endpoint contexts (service names, endpoint types, endpoint arguments, the
// for_each service lists), from core/completion. Every item carries an explicit `textEdit`:
// the language configuration's word pattern takes dotted names whole, so a client's default
// range would replace more than the item means to.
import { dirname } from 'node:path';
import {
  CompletionItemKind, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList,
} from 'vscode-languageserver';
import { type CompletionCandidate, type CompletionKind, CompletionTrees, completionsAt } from '../core/completion/index';
import { isConfigFile } from '../core/configFiles';
import { URI } from '../uri';
import { guarded } from './guarded';
import type { Feature } from './feature';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  service: CompletionItemKind.Value,
  privatelink: CompletionItemKind.Reference,
  endpointType: CompletionItemKind.EnumMember,
  argument: CompletionItemKind.Property,
  block: CompletionItemKind.Struct,
};

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export const completionFeature: Feature = {
  capabilities: { completionProvider: { triggerCharacters: ['"', '.'], resolveProvider: false } },
  register(ctx) {
    const itemSupport = ctx.clientCapabilities.textDocument?.completion?.completionItem;
    const snippets = itemSupport?.snippetSupport === true;
    const labelDetails = itemSupport?.labelDetailsSupport === true;
    // The last completed-in documents' trees: each next text is parsed incrementally from them.
    const trees = new CompletionTrees();
    ctx.connection.onCompletion(({ textDocument, position }, token) =>
      guarded<CompletionList>(ctx, 'completion', EMPTY, async () => {
        const path = URI.toPath(textDocument.uri);
        const document = path ? ctx.documents.document(path) : undefined;
        if (!path || !document || !isConfigFile(path)) return EMPTY;
        // The last analysis is enough for the region, prices and the module's other blocks;
        // what is at the cursor comes from the syntax tree of the current text.
        const analysis = ctx.analyses.cachedFor(path)?.analysis ?? (await ctx.analyses.analyze(dirname(path), token)).analysis;
        const { currencyFormat } = await ctx.settings.get(dirname(path));
        const candidates = completionsAt({ analysis, text: document.getText(), position, format: currencyFormat, document: { trees, key: path } });
        return { isIncomplete: false, items: candidates.map((c) => toItem(c, snippets, labelDetails)) };
      }),
    );
  },
};

function toItem(candidate: CompletionCandidate, snippets: boolean, labelDetails: boolean): CompletionItem {
  const snippet = snippets ? candidate.snippet : undefined;
  const newText = snippet ?? candidate.newText;
  return {
    label: candidate.label,
    kind: KINDS[candidate.kind],
    detail: labelDetails || !candidate.price ? candidate.detail : `${candidate.detail} · ${candidate.price}`,
    ...(labelDetails && candidate.price ? { labelDetails: { description: candidate.price } } : {}),
    documentation: { kind: 'markdown', value: candidate.documentation },
    textEdit: { range: candidate.range, newText },
    ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
    // Multi-line insertions are already indented like the line they start on.
    ...(newText.includes('\n') ? { insertTextMode: InsertTextMode.asIs } : {}),
    ...(candidate.filterText ? { filterText: candidate.filterText } : {}),
    sortText: candidate.sortText,
    ...(candidate.preselect ? { preselect: true } : {}),
  };
}
