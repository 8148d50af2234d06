// Cost code lenses above endpoint and NAT gateway blocks and priced module calls, and a module
// summary at the top of the module's first file; each opens the cost report.
import type { CodeLens } from 'vscode-languageserver';
import { isConfigFile } from '../core/configFiles';
import { deltaLenses } from '../core/diff/lenses';
import { costLenses } from '../core/pricing/lenses';
import { comparisonFor } from './comparison';
import { URI } from '../uri';
import { SHOW_COST_REPORT_COMMAND } from './costReport';
import { moduleCostsFor } from './costs';
import { guarded } from './guarded';
import type { Feature } from './feature';

export const codeLensFeature: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register(ctx) {
    ctx.connection.onCodeLens(({ textDocument }, token) =>
      guarded<CodeLens[]>(ctx, 'code lens', [], async () => {
        const costs = await moduleCostsFor(ctx, textDocument.uri, token);
        if (!costs || !costs.settings.codeLensEnabled || !isConfigFile(costs.path)) return [];
        const options = { firstFile: costs.analysis.files[0]?.path, format: costs.settings.currencyFormat };
        const lenses = costLenses(costs.analysis.modules, costs.report, costs.path, options);
        const comparison = await comparisonFor(ctx, costs);
        if (comparison.kind === 'diff') lenses.push(...deltaLenses(costs.analysis.modules, comparison.diff, costs.path, { ...options, base: comparison.base }));
        return lenses.map((lens) => ({
          range: lens.range,
          command: { title: lens.title, command: SHOW_COST_REPORT_COMMAND, arguments: [URI.fromPath(costs.dir)] },
        }));
      }),
    );
  },
};
