// Cost hover on aws_vpc_endpoint / aws_nat_gateway blocks, priced registry module calls and
// the for_each elements that create endpoints. The text comes from core/pricing/explain.ts.
import type { Hover } from 'vscode-languageserver';
import { costTargetAt } from '../core/model/locate';
import { targetDeltaText } from '../core/diff/summary';
import { targetDiff } from '../core/diff/targets';
import { explainCost } from '../core/pricing/explain';
import { escapeMarkdown } from '../core/pricing/markdown';
import { comparisonFor } from './comparison';
import { moduleCostsFor } from './costs';
import { guarded } from './guarded';
import type { Feature } from './feature';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    ctx.connection.onHover(({ textDocument, position }, token) =>
      guarded<Hover | null>(ctx, 'hover', null, async () => {
        const costs = await moduleCostsFor(ctx, textDocument.uri, token);
        if (!costs) return null;
        const target = costTargetAt(costs.analysis.modules, costs.path, position);
        if (!target) return null;
        let value = explainCost(target, {
          report: costs.report, overrides: costs.analysis.settings.pricingOverrides, format: costs.settings.currencyFormat,
        });
        const comparison = await comparisonFor(ctx, costs);
        if (comparison.kind === 'diff') value += `\n\n**${escapeMarkdown(targetDeltaText(targetDiff(target, comparison.diff), comparison.base, costs.settings.currencyFormat))}**`;
        return { contents: { kind: 'markdown', value }, ...(target.kind === 'element' ? { range: target.range } : {}) };
      }),
    );
  },
};
