// `workspace/executeCommand vpceLens.costReport [uri]`: the Markdown cost report of the module
// holding `uri` (a .tf document or the module folder). The VS Code client's
// `vpceLens.showCostReport` command shows it in a Markdown preview.
import { basename } from 'node:path';
import { changesSection, noChangesSection } from '../core/diff/report';
import { costReportMarkdown } from '../core/pricing/report';
import { comparisonFor } from './comparison';
import { moduleCostsFor } from './costs';
import type { ServerCommand } from './feature';

const COST_REPORT_COMMAND = 'vpceLens.costReport';
/** The client-side command that opens the report (code lenses point at it). */
export const SHOW_COST_REPORT_COMMAND = 'vpceLens.showCostReport';

export const costReportCommand: ServerCommand = {
  id: COST_REPORT_COMMAND,
  async run(ctx, args, token) {
    const uri = args[0];
    if (typeof uri !== 'string') throw new Error(`${COST_REPORT_COMMAND} needs the URI of a Terraform file or module folder`);
    const costs = await moduleCostsFor(ctx, uri, token);
    if (!costs) throw new Error(`${COST_REPORT_COMMAND}: ${uri} is not a file: URI`);
    const comparison = await comparisonFor(ctx, costs);
    const changes = comparison.kind === 'diff' ? [changesSection(comparison.diff, comparison.base, costs.settings.currencyFormat)]
      : comparison.why ? [noChangesSection(comparison.why)] : [];
    return costReportMarkdown(costs.report, {
      title: basename(costs.dir), overrides: costs.analysis.settings.pricingOverrides, format: costs.settings.currencyFormat, extraSections: changes,
    });
  },
};
