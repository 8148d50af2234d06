// VPCE201 / VPCE202 / VPCE207: the free S3 and DynamoDB Gateway endpoints. 201/202 fire for a
// VPC whose private subnets reach AWS through NAT or not at all; 207 for an Interface endpoint
// of s3/dynamodb without the free Gateway beside it, where 201/202 have not already said so.
import type { EvaluatedModule, ModuleAnalysis } from '../../analyzer';
import type { Resource } from '../../model/module';
import { later, type Rule, type RuleFinding } from '../rule';
import type { Fix, Severity } from '../../types';
import { missingEndpointsFix } from './endpointFix';
import { throughNat } from './natRate';
import { aGatewayEndpoint, gatewayTitle, sentence } from './text';
import { endpointsFor, presence } from './presence';
import { readWorkloadData } from './workloadData';
import { endpointAnchor, hasPrivateRouting, transitGatewaySpoke, vpcAnchor, vpcGroups, type VpcGroup } from './vpcGroups';


/** Whether VPCE201/202 fire for this service in this VPC. */
function missingGateway(group: VpcGroup, service: string): boolean {
  return hasPrivateRouting(group) && presence(group, service, 'Gateway') === 'absent';
}

function gatewayFinding(analysis: ModuleAnalysis, group: VpcGroup, service: string, message: string, severity?: Severity): RuleFinding[] {
  const anchor = vpcAnchor(group);
  if (!anchor) return [];
  return [{ file: anchor.file, range: anchor.range, message, ...(anchor.address ? { address: anchor.address } : {}), fixes: addGatewayFix(analysis, group, service), ...(severity ? { severity } : {}) }];
}

/** The fix of VPCE201/202/207, built when asked for. */
function addGatewayFix(analysis: ModuleAnalysis, group: VpcGroup, service: string): () => Fix[] {
  return later(() => missingEndpointsFix(analysis.modules, group, { interfaces: [], gateways: [service] }, `Add ${aGatewayEndpoint(service)} (free) on the route tables of ${group.label}`));
}

function reason(analysis: ModuleAnalysis, group: VpcGroup, service: string): string {
  const title = gatewayTitle(service);
  if (group.natGateways.length > 0) return `${title} traffic from its private subnets goes ${throughNat(group, analysis.settings)}`;
  if (transitGatewaySpoke(group)) {
    return `its private subnets send ${title} traffic through the transit gateway (charged per GB there, and at the hub). A gateway endpoint serves only the route tables of its own VPC, so one in the hub does not serve this spoke: add it here, or use an interface endpoint the hub shares`;
  }
  return `its private subnets have no way to ${title} unless another route leads out`;
}

export const missingS3Gateway: Rule = {
  id: 'VPCE201',
  run: (analysis) =>
    vpcGroups(analysis).filter((g) => missingGateway(g, 's3')).flatMap((group) =>
      gatewayFinding(analysis, group, 's3', `${sentence(group.label)} has no S3 Gateway endpoint: ${reason(analysis, group, 's3')}. Gateway endpoints are free.`),
    ),
};

export const missingDynamoDbGateway: Rule = {
  id: 'VPCE202',
  run: (analysis) =>
    vpcGroups(analysis).filter((g) => missingGateway(g, 'dynamodb')).flatMap((group) => {
      const used = usesDynamoDb(analysis, group);
      const message = used
        ? `${sentence(group.label)} uses DynamoDB (${used}) but has no DynamoDB Gateway endpoint: ${reason(analysis, group, 'dynamodb')}. Gateway endpoints are free.`
        : `${sentence(group.label)} has no DynamoDB Gateway endpoint; none of this module's resources use DynamoDB, but if the workloads do, the Gateway endpoint is free.`;
      return gatewayFinding(analysis, group, 'dynamodb', message, used ? undefined : 'info');
    }),
};

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

export const interfaceWithoutGateway: Rule = {
  id: 'VPCE207',
  run: (analysis) =>
    vpcGroups(analysis).flatMap((group) =>
      ['s3', 'dynamodb'].flatMap((service) => {
        if (missingGateway(group, service)) return []; // VPCE201/202 already say it, with the same fix
        const interfaces = endpointsFor(group, service).filter((e) => e.type === 'Interface');
        const first = interfaces[0];
        if (!first || presence(group, service, 'Gateway') !== 'absent') return [];
        const placed = group.endpoints.find((p) => p.view === first);
        const anchor = placed ? endpointAnchor(placed) : { file: first.file, range: first.resource.block.headerRange, address: first.address };
        const title = gatewayTitle(service);
        return [{
          file: anchor.file, range: anchor.range, address: first.address,
          message: `${title} has an Interface endpoint but no Gateway endpoint in ${group.label}: the Gateway endpoint is free for traffic from inside the VPC, while the Interface endpoint bills per AZ-hour and per GB.`,
          fixes: addGatewayFix(analysis, group, service),
        }];
      }),
    ),
};
