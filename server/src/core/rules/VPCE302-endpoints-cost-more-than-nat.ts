// VPCE302: a VPC's interface endpoints cost more per month than the NAT gateway(s) they stand in
// for, at the configured data volume (the comparison of the cost report, pricing/natComparison.ts).
import type { ModuleAnalysis } from '../analysis';
import { formatMoney } from '../pricing/format';
import { moduleCosts, type CostReport } from '../pricing/moduleCosts';
import { natComparisons } from '../pricing/natComparison';
import { awsInterfaces } from './cost/natHints';
import { firstEndpointAnchor, vpcGroups, type VpcGroup } from './missing/vpcGroups';
import type { Rule, RuleFinding } from './rule';

export const endpointsCostMoreThanNat: Rule = {
  id: 'VPCE302',
  run: (analysis) => {
    // Without a data volume there is nothing to compare (see costHint); skip pricing the module.
    if (analysis.settings.monthlyDataGb <= 0 && !analysis.usage) return [];
    const report = moduleCosts(analysis);
    return vpcGroups(analysis).flatMap((vpc) => costHint(analysis, report, vpc));
  },
};

function costHint(analysis: ModuleAnalysis, report: CostReport, vpc: VpcGroup): RuleFinding[] {
  const interfaces = awsInterfaces(vpc);
  const addresses = new Set([...interfaces.map((e) => e.view.address), ...vpc.natGateways.map((n) => n.view.address)]);
  const resources = report.resources.filter((r) => addresses.has(r.address));
  if (interfaces.length === 0 || resources.some((r) => r.monthly === null)) return [];
  // At the default 0 GB the comparison says nothing about the real traffic: wait for a volume.
  const volumeKnown = analysis.settings.monthlyDataGb > 0 || resources.every((r) => r.kind !== 'vpc_endpoint' || r.monthlyDataSource !== 'setting');
  const comparisons = natComparisons({ ...report, resources }, analysis.settings.pricingOverrides);
  const comparison = comparisons.length === 1 ? comparisons[0] : undefined;
  if (!volumeKnown || !comparison || 'error' in comparison) return [];
  const { endpoints, nat, dataGb, region } = comparison;
  // With a NAT gateway that stays, the endpoints save only its per-GB charge on their traffic.
  const keeping = !nat.assumed;
  const alternative = keeping ? nat.data : nat.monthly;
  if (endpoints.monthly <= alternative) return [];
  const anchor = firstEndpointAnchor(interfaces);
  if (!anchor) return [];
  const first = interfaces.find((e) => e.view.address === anchor.address);
  const breakEven = keeping ? comparison.breakEvenKeepingNatGb ?? null : comparison.breakEvenGb;
  const payOff = breakEven === null ? 'at no volume do they cost less' : `they pay off above ${Math.ceil(breakEven).toLocaleString('en-US')} GB/month`;
  const natText = keeping
    ? `the ${formatMoney(nat.data)}/month the NAT gateway${nat.count === 1 ? '' : 's'} already in the VPC would charge to carry the same traffic`
    : `${nat.count === 1 ? 'one NAT gateway' : `${nat.count} NAT gateways`} carrying the same traffic (${formatMoney(nat.monthly)}/month in ${region})`;
  return [{
    file: anchor.file, range: anchor.range, ...(first ? { address: first.view.entry ? first.view.address : `${first.module.prefix}${first.view.resource.address}` } : {}),
    message: `The ${endpoints.interfaceCount} interface endpoint${endpoints.interfaceCount === 1 ? '' : 's'} of ${vpc.label} cost ${formatMoney(endpoints.monthly)}/month at ${dataGb.toLocaleString('en-US')} GB/month, more than ${natText}; ${payOff}. Keep them if they are there for isolation rather than cost.`,
  }];
}
