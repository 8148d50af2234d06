// What VPCE203, VPCE204 and VPCE205 share: a dependency group of groups.json (Session Manager,
// ECR, ECS on EC2) started in a VPC but not finished, found and phrased the same way; each rule
// is groupRule(ID, group, ...). Only members known to be absent are reported.
import type { ModuleAnalysis } from '../../analysis';
import { groupById, type EndpointGroup } from '../../services/catalogue';
import { later, type Rule, type RuleFinding } from '../rule';
import { missingEndpointsFix } from './endpointFix';
import { endpointsFor, presence } from './presence';
import { throughNat } from './natRate';
import { aGatewayEndpoint, listText } from './text';
import { firstEndpointAnchor, vpcGroups, type VpcGroup } from './vpcGroups';
import { ecsLaunch } from './ecsLaunchTypes';

export interface GroupGap {
  group: EndpointGroup;
  present: string[];
  interfaces: string[];
  gateways: string[];
}

/** What a dependency group lacks in a VPC, when at least one of its interface members is there. */
export function groupGap(vpc: VpcGroup, group: EndpointGroup): GroupGap | undefined {
  const present = group.required.filter((s) => presence(vpc, s, 'Interface') === 'present');
  if (present.length === 0) return undefined;
  const interfaces = group.required.filter((s) => presence(vpc, s, 'Interface') === 'absent');
  const gateways = group.requiredGateway.filter((s) => presence(vpc, s, 'Gateway') === 'absent');
  return interfaces.length + gateways.length > 0 ? { group, present, interfaces, gateways } : undefined;
}

/** `the logs endpoint`, `endpoints for ecr.api and ecr.dkr, and an S3 Gateway endpoint`. */
export function missingText(interfaces: readonly string[], gateways: readonly string[]): string {
  const parts: string[] = [];
  if (interfaces.length === 1) parts.push(`the ${interfaces[0]} endpoint`);
  else if (interfaces.length > 1) parts.push(`endpoints for ${listText(interfaces)}`);
  for (const gateway of gateways) parts.push(aGatewayEndpoint(gateway));
  return parts.join(interfaces.length > 1 ? ', and ' : ' and ');
}

export function groupRule(id: string, groupId: (typeof COMPLETENESS_GROUPS)[number], natSeverity?: 'warning', evidence?: (analysis: ModuleAnalysis) => Evidence): Rule {
  return {
    id,
    run: (analysis) => {
      const group = groupById(groupId);
      if (!group) return [];
      const found = vpcGroups(analysis).flatMap((vpc) => gapFinding(analysis, vpc, group, natSeverity));
      // The evidence is looked for only where there is something to say (it reads many blocks).
      const seen = found.length > 0 && evidence ? evidence(analysis) : { fire: true };
      if (!seen.fire) return [];
      return found.map((f) => (seen.note ? { ...f, message: `${f.message} ${seen.note}`, severity: 'info' as const } : f));
    },
  };
}

/** Whether the workload a group serves is seen: fire, or fire at info with what is not known. */
export interface Evidence {
  fire: boolean;
  note?: string;
}

/** VPCE205: the agent endpoints serve EC2 container instances only; Fargate tasks never call them. */
export function ecsOnEc2Evidence(analysis: ModuleAnalysis): Evidence {
  const launch = ecsLaunch(analysis);
  if (launch === 'ec2') return { fire: true };
  if (launch === 'fargate-only') return { fire: false };
  return { fire: true, note: 'No ECS container instance is seen in this configuration: this matters only if EC2 instances run ECS tasks in this VPC.' };
}

function gapFinding(analysis: ModuleAnalysis, vpc: VpcGroup, group: EndpointGroup, natSeverity: 'warning' | undefined): RuleFinding[] {
  const gap = groupGap(vpc, group);
  if (!gap) return [];
  const members = vpc.endpoints.filter((e) => gap.present.some((s) => endpointsFor(vpc, s).includes(e.view)));
  const anchor = firstEndpointAnchor(members);
  if (!anchor) return [];
  const missing = missingText(gap.interfaces, gap.gateways);
  const s3Interface = gap.gateways.includes('s3') && endpointsFor(vpc, 's3').some((e) => e.type === 'Interface')
    ? ' (the S3 Interface endpoint does not serve it: image layers need the Gateway endpoint)' : '';
  const nat = vpc.natGateways.length > 0 ? ` Until then these calls go ${throughNat(vpc, analysis.settings)}.` : '';
  return [{
    file: anchor.file, range: anchor.range, ...(anchor.address ? { address: anchor.address } : {}),
    message: `Endpoints for ${group.title} are incomplete in ${vpc.label}: it has ${listText(gap.present)} but lacks ${missing}${s3Interface}. ${group.why}${nat}`,
    fixes: later(() => missingEndpointsFix(analysis.modules, vpc, { ...gap, companions: gap.present }, `Add ${missing} to ${vpc.label}`)),
    ...(natSeverity && vpc.natGateways.length > 0 ? { severity: natSeverity } : {}),
  }];
}

/** The groups whose members travel together in any VPC (EKS's list is a workload need, VPCE206). */
export const COMPLETENESS_GROUPS = ['session-manager', 'ecr', 'ecs-ec2'] as const;
