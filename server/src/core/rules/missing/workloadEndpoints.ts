// VPCE206: a workload in a VPC (ECS task definition, private EKS cluster) needs an AWS API
// that has no endpoint there. Without NAT the call fails at runtime (error); with NAT it costs
// the NAT's per-GB rate (info). Silent when the workload's subnets all route to an internet
// gateway, or when its VPC cannot be told among several.
import type { ModuleAnalysis } from '../../analyzer';
import { groupById } from '../../services/catalogue';
import { later, type Rule, type RuleFinding } from '../rule';
import { missingEndpointsFix } from './endpointFix';
import { groupGap, missingText } from './endpointGroups';
import { throughNat } from './natRate';
import { presence } from './presence';
import { subnetRouteTables } from './routing';
import { hasPrivateRouting, vpcGroups, type VpcGroup } from './vpcGroups';
import { workloadUses, type WorkloadUse } from './workloads';

export interface WorkloadNeed {
  use: WorkloadUse;
  vpc: VpcGroup;
  interfaces: string[];
  gateways: string[];
}

/** Every workload signal placed in a VPC, with what it needs there and does not have. */
export function workloadNeeds(analysis: ModuleAnalysis): WorkloadNeed[] {
  const groups = vpcGroups(analysis);
  const routeTables = subnetRouteTables(analysis.modules);
  const privacyOf = new Map(groups.flatMap((g) => g.routeTables.map((t) => [t.view.address, t.privacy] as const)));
  const needs: WorkloadNeed[] = [];
  for (const use of workloadUses(analysis)) {
    const vpc = vpcOf(groups, use);
    if (!vpc) continue;
    const publicOnly = use.subnets !== undefined && use.subnets.length > 0 && use.subnets.every((s) => privacyOf.get(routeTables.get(s) ?? '') === 'public');
    if (publicOnly) continue;
    const group = use.signal.needsGroup ? groupById(use.signal.needsGroup) : undefined;
    // A group already started in the VPC is VPCE203-205's business.
    if (group && use.signal.needsGroup === 'ecr' && groupGap(vpc, group)) continue;
    const interfaces = [...new Set([...use.signal.needs, ...(group?.required ?? [])])].filter((s) => presence(vpc, s, 'Interface') === 'absent');
    const gateways = (group?.requiredGateway ?? []).filter((s) => presence(vpc, s, 'Gateway') === 'absent');
    needs.push({ use, vpc, interfaces, gateways });
  }
  return needs;
}

function vpcOf(groups: readonly VpcGroup[], use: WorkloadUse): VpcGroup | undefined {
  if (use.subnets && use.subnets.length > 0) {
    const owners = new Set(groups.filter((g) => g.subnets.some((s) => use.subnets!.includes(s.view.address))));
    if (owners.size === 1) return [...owners][0];
    if (owners.size > 1) return undefined;
  }
  return groups.length === 1 ? groups[0] : undefined;
}

export const workloadEndpoints: Rule = {
  id: 'VPCE206',
  run: (analysis) => workloadNeeds(analysis).flatMap((need) => needFinding(analysis, need)),
};

function needFinding(analysis: ModuleAnalysis, need: WorkloadNeed): RuleFinding[] {
  const { use, vpc, interfaces, gateways } = need;
  if (interfaces.length + gateways.length === 0 || !hasPrivateRouting(vpc)) return [];
  const missing = missingText(interfaces, gateways);
  const withNat = vpc.natGateways.length > 0;
  const consequence = withNat
    ? `so these calls go ${throughNat(vpc, analysis.settings)}`
    : 'and has no NAT gateway, so these calls will fail at runtime';
  return [{
    file: use.file, range: use.range, address: use.address,
    message: `${use.address} ${use.signal.describe}, but ${vpc.label} lacks ${missing}${withNat ? ',' : ''} ${consequence}.`,
    severity: withNat ? 'info' : 'error',
    fixes: later(() => missingEndpointsFix(analysis.modules, vpc, { interfaces, gateways }, `Add ${missing} to ${vpc.label}`)),
  }];
}
