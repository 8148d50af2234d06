// VPCE106: an Interface endpoint with no security group (the VPC's default group is used), or
// whose groups admit no TCP on the service's port from inside the VPC: clients cannot reach it.
// A vpc-endpoints module call that creates its own security group (create_security_group) is
// not judged: its rules are the module's inputs, not read here.
import type { EvaluatedModule } from '../analysis';
import type { EndpointView } from '../model/endpoints';
import { serviceByShortName } from '../services/catalogue';
import { intendedType } from './endpoint/endpointType';
import { argumentOrHeader } from './endpoint/endpointSite';
import { VPC_ENDPOINTS_MODULE, VPC_MODULE } from '../model/registryModules/sources';
import { referencedAddresses } from '../model/viewHelpers';
import { vpcModuleCall } from './endpoint/privateNetwork';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './endpoint/perBlock';
import { resourcesOfType } from './endpoint/moduleResources';
import { groupsAdmit } from './endpoint/securityGroupAccess';
import { securityGroupFix } from './endpoint/securityGroupFix';
import { vpcReference } from './endpoint/vpcReference';
import type { Rule } from './rule';

/** The port clients use, for AWS services in the catalogue; PrivateLink services choose their own. */
function servicePort(view: EndpointView): number | undefined {
  return view.service.kind === 'aws' ? serviceByShortName(view.service.shortName)?.port : undefined;
}

function hasResource(module: EvaluatedModule, type: string): boolean {
  return resourcesOfType(module, type).length > 0;
}

/** The VPC's CIDR when it is the only one that counts (a secondary CIDR block makes it unknown). */
function vpcCidr(module: EvaluatedModule, view: EndpointView): string | undefined {
  if (hasResource(module, 'aws_vpc_ipv4_cidr_block_association')) return undefined;
  return module.network.vpcs.find((v) => v.address === view.vpc)?.cidr;
}

function problem({ module, view, site }: EndpointContext, port: number | undefined): string | undefined {
  const groups = view.securityGroups;
  const createsGroup = site.shared?.value(VPC_ENDPOINTS_MODULE.createSecurityGroupInput);
  if (createsGroup !== undefined && createsGroup !== false) return undefined;
  if (groups.count === 0) {
    // A module that manages the default security group may have opened it on purpose.
    if (hasResource(module, 'aws_default_security_group') || vpcModuleOpensDefaultGroup(module, site)) return undefined;
    const none = site.shared ? `no security_group_ids (in the entry or on ${site.shared.what})` : 'no security_group_ids';
    return `This Interface endpoint has ${none}, so it gets the VPC's default security group, which admits only that group's own members: other clients in the VPC cannot reach it${port ? ` on TCP ${port}` : ''}.`;
  }
  const members = [...new Set(groups.members)];
  if (port === undefined || groups.count === undefined || members.length !== groups.count) return undefined;
  const cidr = vpcCidr(module, view);
  if (groupsAdmit(module, members, port, cidr) !== 'no') return undefined;
  return `None of this endpoint's security groups (${members.join(', ')}) admits TCP ${port} from inside the VPC${cidr ? ` (${cidr})` : ''}, so clients cannot reach it.`;
}

/** The VPC comes from a terraform-aws-modules vpc call given ingress rules for its (managed) default group. */
function vpcModuleOpensDefaultGroup(module: EvaluatedModule, site: EndpointContext['site']): boolean {
  const vpcId = site.written('vpc_id');
  const call = vpcModuleCall(module, vpcId ? referencedAddresses(vpcId.expr) : []);
  return call !== undefined && module.evaluator.module.moduleCalls.get(call)?.inputs.has(VPC_MODULE.defaultSecurityGroupIngressInput) === true;
}

function check(ctx: EndpointContext): EndpointProblem[] {
  const { module, view, site, file } = ctx;
  if (view.service.kind === 'none' || intendedType(view) !== 'Interface') return [];
  const port = servicePort(view);
  const message = problem(ctx, port);
  if (message === undefined) return [];
  const vpc = vpcReference(module, view);
  const fix = port !== undefined && vpc ? securityGroupFix(module, site, view, vpc, port) : undefined;
  return [{ file: file.path, range: argumentOrHeader(site, 'security_group_ids'), message, fixes: fix ? [fix] : [] }];
}

export const endpointSecurityGroupRule: Rule = { id: 'VPCE106', run: (analysis) => endpointFindings(analysis, check) };
