// VPCE301 / VPCE302: the NAT-or-endpoints question per VPC, as hints. 301: every AWS service
// the module is seen to use already has an endpoint, so the NAT gateways may go. 302: the VPC's
// interface endpoints cost more per month than the NAT gateway(s) they stand in for, at the
// configured data volume (the same comparison as the cost report, see pricing/natComparison.ts).
import type { ModuleAnalysis } from '../../analyzer';
import { isPricingError, natGatewayCost } from '../../pricing/cost';
import { formatMoney } from '../../pricing/format';
import { moduleCosts, type CostReport } from '../../pricing/moduleCosts';
import { natComparisons } from '../../pricing/natComparison';
import { groupById } from '../../services/catalogue';
import type { Rule, RuleFinding } from '../rule';
import { COMPLETENESS_GROUPS, groupGap } from '../missing/endpointGroups';
import { usesDynamoDb } from '../missing/gatewayEndpoints';
import { presence } from '../missing/presence';
import { firstEndpointAnchor, vpcGroups, type VpcGroup } from '../missing/vpcGroups';
import { workloadNeeds } from '../missing/workloadEndpoints';

const awsInterfaces = (vpc: VpcGroup) => vpc.endpoints.filter((e) => e.view.type === 'Interface' && e.view.service.kind === 'aws');

/** Nothing about the VPC's endpoints is unknown: a hint that something is not needed must be sure. */
function fullyKnown(vpc: VpcGroup): boolean {
  return vpc.unknownEndpoints.length === 0 && vpc.maybeEndpoints.length === 0
    && vpc.endpoints.every((e) => e.view.type !== undefined && e.view.service.kind !== 'unresolved');
}

export const natRemovable: Rule = {
  id: 'VPCE301',
  run: (analysis) => {
    const needs = workloadNeeds(analysis);
    return vpcGroups(analysis).flatMap((vpc): RuleFinding[] => {
      const nat = vpc.natGateways[0];
      if (!nat || awsInterfaces(vpc).length === 0 || !fullyKnown(vpc)) return [];
      if (presence(vpc, 's3', 'Gateway') !== 'present') return [];
      if (usesDynamoDb(analysis, vpc) && presence(vpc, 'dynamodb', 'Gateway') !== 'present') return [];
      if (COMPLETENESS_GROUPS.some((id) => { const group = groupById(id); return group && groupGap(vpc, group); })) return [];
      if (needs.some((n) => n.vpc === vpc && n.interfaces.length + n.gateways.length > 0)) return [];
      const count = vpc.natGateways.length;
      return [{
        file: nat.anchor.file, range: nat.anchor.range, ...(nat.anchor.address ? { address: nat.anchor.address } : {}),
        message: `Every AWS service this module is seen to use has an endpoint in ${vpc.label}: if nothing else needs the internet (package updates, third-party APIs), removing ${count === 1 ? 'its NAT gateway' : `its ${count} NAT gateways`} would save ${savings(analysis, vpc)}.`,
      }];
    });
  },
};

/** `$32.85/month ($0.045/h × 730 h each)`, the NAT gateways' hourly charges. */
function savings(analysis: ModuleAnalysis, vpc: VpcGroup): string {
  const { hoursPerMonth, pricingOverrides } = analysis.settings;
  let total = 0;
  const rates = new Set<string>();
  for (const nat of vpc.natGateways) {
    const estimate = natGatewayCost({ region: nat.view.region.region, monthlyDataGb: 0, hoursPerMonth, overrides: pricingOverrides });
    if (isPricingError(estimate)) return 'their hourly charges';
    total += estimate.monthlyFixed;
    rates.add(formatMoney(estimate.hourly));
  }
  const each = vpc.natGateways.length > 1 ? ' each' : '';
  return `${formatMoney(total)}/month in hourly charges (${[...rates].join(', ')}/h × ${hoursPerMonth} h${each})`;
}

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
  const first = interfaces.find((e) => e.view.file === anchor.file && e.view.resource.block.headerRange === anchor.range);
  const breakEven = keeping ? comparison.breakEvenKeepingNatGb ?? null : comparison.breakEvenGb;
  const payOff = breakEven === null ? 'at no volume do they cost less' : `they pay off above ${Math.ceil(breakEven).toLocaleString('en-US')} GB/month`;
  const natText = keeping
    ? `the ${formatMoney(nat.data)}/month the NAT gateway${nat.count === 1 ? '' : 's'} already in the VPC would charge to carry the same traffic`
    : `${nat.count === 1 ? 'one NAT gateway' : `${nat.count} NAT gateways`} carrying the same traffic (${formatMoney(nat.monthly)}/month in ${region})`;
  return [{
    file: anchor.file, range: anchor.range, ...(first ? { address: `${first.module.prefix}${first.view.resource.address}` } : {}),
    message: `The ${endpoints.interfaceCount} interface endpoint${endpoints.interfaceCount === 1 ? '' : 's'} of ${vpc.label} cost ${formatMoney(endpoints.monthly)}/month at ${dataGb.toLocaleString('en-US')} GB/month, more than ${natText}; ${payOff}. Keep them if they are there for isolation rather than cost.`,
  }];
}
