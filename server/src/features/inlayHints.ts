// Cost inlay hints at the end of each endpoint / NAT gateway block's first line and priced module
// call (`vpceLens.costDisplay` "hint" or "both"); like the code lens, each opens the cost report.
import type { InlayHint } from 'vscode-languageserver';
import { isConfigFile } from '../core/configFiles';
import { deltaLenses } from '../core/diff/lenses';
import { costHints, lensesAsHints } from '../core/pricing/hints';
import { comparisonFor } from './comparison';
import { URI } from '../uri';
import { SHOW_COST_REPORT_COMMAND } from './costReport';
import { moduleCostsFor } from './costs';
import { guarded } from './guarded';
import type { Feature } from './feature';

export const inlayHintsFeature: Feature = {
  capabilities: { inlayHintProvider: { resolveProvider: false } },
  register(ctx) {
    ctx.connection.languages.inlayHint.on(({ textDocument, range }, token) =>
      guarded<InlayHint[]>(ctx, 'inlay hints', [], async () => {
        const costs = await moduleCostsFor(ctx, textDocument.uri, token);
        const document = costs && ctx.documents.document(costs.path);
        if (!costs || !document || !costs.settings.inlayHintsEnabled || !isConfigFile(costs.path)) return [];
        const command = { title: 'Show Cost Report', command: SHOW_COST_REPORT_COMMAND, arguments: [URI.fromPath(costs.dir)] };
        const hints = costHints(costs.analysis.modules, costs.report, costs.path, document.getText(), costs.settings.currencyFormat);
        const comparison = await comparisonFor(ctx, costs);
        if (comparison.kind === 'diff') {
          const lenses = deltaLenses(costs.analysis.modules, comparison.diff, costs.path, { base: comparison.base, firstFile: undefined, format: costs.settings.currencyFormat });
          hints.push(...lensesAsHints(lenses, document.getText()));
        }
        return hints
          .filter((hint) => hint.position.line >= range.start.line && hint.position.line <= range.end.line)
          // The tooltip repeats the label: editors shorten long hints (VS Code at 43 characters).
          .map((hint) => ({ position: hint.position, label: [{ value: hint.label, tooltip: `${hint.label}\n\nvpce-lens: click for the cost report of this module`, command }], paddingLeft: true }));
      }),
    );
  },
};
