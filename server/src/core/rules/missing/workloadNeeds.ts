// What the workloads of each VPC (ECS task definitions, private EKS clusters) need and lack:
// read by VPCE206 and by the NAT hints (VPCE301). A workload whose VPC cannot be told among
// several is left out.
import type { ModuleAnalysis } from '../../analysis';
import { groupById } from '../../services/catalogue';
import { groupGap } from './groupGaps';
import { presence } from './presence';
import { subnetRouteTables } from './routing';
import { vpcGroups, type VpcGroup } from './vpcGroups';
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
