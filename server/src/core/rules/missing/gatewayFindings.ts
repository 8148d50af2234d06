// What VPCE201, VPCE202 and VPCE207 share about the free S3 and DynamoDB Gateway endpoints: when
// a VPC misses one, the finding on the VPC with its fix, why it matters there (NAT, a transit
// gateway), and whether the module uses DynamoDB.
import type { EvaluatedModule, ModuleAnalysis } from '../../analysis';
import type { Resource } from '../../model/module';
import { later, type RuleFinding } from '../rule';
import type { Fix, Severity } from '../../types';
import { missingEndpointsFix } from './endpointFix';
import { throughNat } from './natRate';
import { aGatewayEndpoint, gatewayTitle } from './text';
import { endpointsFor, presence } from './presence';
import { readWorkloadData } from './workloadData';
import { hasPrivateRouting, transitGatewaySpoke, vpcAnchor, type VpcGroup } from './vpcGroups';

/** Whether VPCE201/202 fire for this service in this VPC. */
export function missingGateway(group: VpcGroup, service: string): boolean {
  return hasPrivateRouting(group) && presence(group, service, 'Gateway') === 'absent';
}

export function gatewayFinding(analysis: ModuleAnalysis, group: VpcGroup, service: string, message: string, severity?: Severity): RuleFinding[] {
  const anchor = vpcAnchor(group);
  if (!anchor) return [];
  return [{ file: anchor.file, range: anchor.range, message, ...(anchor.address ? { address: anchor.address } : {}), fixes: addGatewayFix(analysis, group, service), ...(severity ? { severity } : {}) }];
}

/** The fix of VPCE201/202/207, built when asked for. */
export function addGatewayFix(analysis: ModuleAnalysis, group: VpcGroup, service: string): () => Fix[] {
  return later(() => missingEndpointsFix(analysis.modules, group, { interfaces: [], gateways: [service] }, `Add ${aGatewayEndpoint(service)} (free) on the route tables of ${group.label}`));
}

export function reason(analysis: ModuleAnalysis, group: VpcGroup, service: string): string {
  const title = gatewayTitle(service);
  if (group.natGateways.length > 0) return `${title} traffic from its private subnets goes ${throughNat(group, analysis.settings)}`;
  if (transitGatewaySpoke(group)) {
    return `its private subnets send ${title} traffic through the transit gateway (charged per GB there, and at the hub). A gateway endpoint serves only the route tables of its own VPC, so one in the hub does not serve this spoke: add it here, or use an interface endpoint the hub shares`;
  }
  return `its private subnets have no way to ${title} unless another route leads out`;
}

/** How the module is seen to use DynamoDB, or undefined. */
export function usesDynamoDb(analysis: ModuleAnalysis, group: VpcGroup): string | undefined {
  if (endpointsFor(group, 'dynamodb').some((e) => e.type === 'Interface')) return 'a DynamoDB Interface endpoint';
  return dynamoDbResource(analysis);
}

const dynamoDbResources = new WeakMap<ModuleAnalysis, string | undefined>();

/** The first resource that uses DynamoDB (workload-signals.json `serviceUse`), once per analysis. */
function dynamoDbResource(analysis: ModuleAnalysis): string | undefined {
  if (dynamoDbResources.has(analysis)) return dynamoDbResources.get(analysis);
  const types = readWorkloadData().serviceUse.dynamodb ?? [];
  let found: string | undefined;
  for (const module of analysis.modules) {
    for (const resource of module.evaluator.module.resources.values()) {
      if (found === undefined && resource.mode === 'managed' && types.includes(resource.type) && instanceCount(module, resource) > 0) found = `${module.prefix}${resource.address}`;
    }
  }
  dynamoDbResources.set(analysis, found);
  return found;
}

function instanceCount(module: EvaluatedModule, resource: Resource): number {
  const instances = module.evaluator.refs.instances(resource);
  return instances.known ? instances.instances.length : 0;
}

