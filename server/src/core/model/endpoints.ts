// The typed view of every `aws_vpc_endpoint` instance: what it is, where, attached to what.
// Rules and costs read this, never the raw blocks.
import { parseServiceName, type ParsedServiceName } from '../services/catalogue';
import { PROVIDER_DEFAULT_TYPE, asEndpointType, type EndpointType } from '../services/endpointTypes';
import { type Assumption, NONE, withAssumptionsIn } from './assumptions';
import type { Evaluator } from './evaluator';
import type { ModuleCall, Resource } from './module';
import { resolveRegion, type RegionResolution } from './region';
import type { Instance } from './scope';
import { argument, evaluateArgument, referenceKey, referenceList, referencedAddresses } from './viewHelpers';
import { type MapValue, type Value, asString, isUnknown } from './values';
import type { Location } from '../types';
import { associationsOf, type AssociationKind } from './associations';

export type { EndpointType } from '../services/endpointTypes';

export interface Attachments {
  /** Distinct members, inline and through association resources; undefined when unknown. */
  count: number | undefined;
  /** Reference keys of the members that could be named (`aws_subnet.private[0]`, `subnet-123`). */
  members: string[];
  /** How the count was decided, for hovers: `aws_subnet.private (count = 2)`. */
  source: string;
  inline: boolean;
  viaAssociations: number;
}

export interface EndpointView {
  address: string;
  instance: Instance;
  resource: Resource;
  file: string;
  /** undefined when `vpc_endpoint_type` cannot be known. */
  type: EndpointType | undefined;
  typeSource: 'argument' | 'provider default' | 'unknown';
  /** The evaluated `service_name`, unknown parts shown as `${…}`; undefined when absent. */
  serviceName: string | undefined;
  service: ParsedServiceName | { kind: 'none' };
  region: RegionResolution;
  subnets: Attachments;
  routeTables: Attachments;
  securityGroups: Attachments;
  /** undefined when not written; 'unknown' when it cannot be evaluated. */
  privateDnsEnabled: boolean | 'unknown' | undefined;
  /** What `vpc_id` refers to (`aws_vpc.main`, `vpc-0abc`, `var.vpc_id`), if it can be told. */
  vpc: string | undefined;
  /** What the values read rest on that the Terraform does not say (an AZ table, a region setting). */
  assumptions: readonly Assumption[];
  /** Set when a registry module creates the endpoint from one entry of a map input (vpc-endpoints' `endpoints`). */
  entry?: ModuleEntry;
}

/** The entry of a module call's map input an endpoint is created from. */
export interface ModuleEntry {
  call: ModuleCall;
  key: string;
  /** The entry's value, evaluated. */
  value: MapValue;
  /** Where the entry (`key = { ... }`) is written, when it can be told (a literal map, a local, a variable default). */
  origin?: Location;
}

const UNKNOWN_PART = '${…}';

export function endpointViews(evaluator: Evaluator): EndpointView[] {
  const views: EndpointView[] = [];
  for (const resource of evaluator.module.resources.values()) {
    if (resource.mode !== 'managed' || resource.type !== 'aws_vpc_endpoint') continue;
    const instances = evaluator.refs.instances(resource);
    if (!instances.known) continue;
    for (const instance of instances.instances) views.push(endpointView(evaluator, instance));
  }
  return views;
}

/** The view of one instance, with what its instances and values rest on. */
function endpointView(evaluator: Evaluator, instance: Instance): EndpointView {
  return withAssumptionsIn(() => {
    evaluator.refs.instances(instance.resource); // what decided the instances counts too
    return readView(evaluator, instance);
  });
}

function readView(evaluator: Evaluator, instance: Instance): EndpointView {
  const typeValue = evaluateArgument(evaluator, instance, 'vpc_endpoint_type');
  const type = typeValue === undefined ? PROVIDER_DEFAULT_TYPE : asEndpointType(typeValue);
  const serviceName = serviceNameOf(evaluator, instance);
  const dns = evaluateArgument(evaluator, instance, 'private_dns_enabled');
  return {
    address: instance.address,
    instance,
    resource: instance.resource,
    file: instance.resource.file,
    type,
    typeSource: typeValue === undefined ? 'provider default' : type === undefined ? 'unknown' : 'argument',
    serviceName,
    service: serviceName === undefined ? { kind: 'none' } : parseServiceName(serviceName),
    region: resolveRegion(evaluator, instance),
    subnets: attachments(evaluator, instance, 'subnet_ids', 'subnet'),
    routeTables: attachments(evaluator, instance, 'route_table_ids', 'route_table'),
    securityGroups: attachments(evaluator, instance, 'security_group_ids', 'security_group'),
    privateDnsEnabled: dns === undefined ? undefined : typeof dns === 'boolean' ? dns : 'unknown',
    vpc: referenceKey(evaluateArgument(evaluator, instance, 'vpc_id')),
    assumptions: NONE,
  };
}

function serviceNameOf(evaluator: Evaluator, instance: Instance): string | undefined {
  const attribute = argument(instance, 'service_name');
  if (!attribute) return undefined;
  if (attribute.expr.kind === 'template') {
    return evaluator.templateParts(attribute.expr.parts, instance.scope).map((p) => (isUnknown(p) ? UNKNOWN_PART : p)).join('');
  }
  const value = evaluateArgument(evaluator, instance, 'service_name');
  return value === undefined ? undefined : asString(value) ?? UNKNOWN_PART;
}

function attachments(evaluator: Evaluator, instance: Instance, argumentName: string, kind: AssociationKind): Attachments {
  const value: Value | undefined = evaluateArgument(evaluator, instance, argumentName);
  // Written as null, it is not set: described as absent (`no subnet_ids`).
  const attribute = value === undefined ? undefined : argument(instance, argumentName);
  const inline = referenceList(value);
  const associated = associationsOf(evaluator, instance, kind);
  const members = [...(inline?.keys ?? []), ...associated.members].filter((m): m is string => m !== undefined);
  const count = inline === undefined || associated.unknown ? undefined : inline.distinct + associated.members.length;
  return {
    count,
    members,
    source: describeSource(evaluator, attribute?.expr, inline?.distinct, associated.members.length, argumentName),
    inline: attribute !== undefined,
    viaAssociations: associated.members.length,
  };
}

function describeSource(
  evaluator: Evaluator, expr: Parameters<typeof referencedAddresses>[0] | undefined, inlineCount: number | undefined, associated: number, argumentName: string,
): string {
  const parts: string[] = [];
  if (expr) {
    const refs = referencedAddresses(expr);
    const resources = refs.map((r) => evaluator.module.resources.get(r)).filter((r): r is Resource => r !== undefined);
    if (refs.length === 1 && resources.length === 1) {
      const instances = evaluator.refs.instances(resources[0]!);
      parts.push(`${refs[0]} (${instances.known ? instances.source : 'instances unknown'})`);
    } else if (refs.length === 1) {
      parts.push(`${refs[0]}${inlineCount === undefined ? '' : ` (${inlineCount})`}`);
    } else {
      parts.push(inlineCount === undefined ? `${argumentName} (cannot be evaluated)` : `${argumentName} (${inlineCount} listed)`);
    }
  }
  if (associated > 0) parts.push(`${associated} association resource${associated === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(' + ') : `no ${argumentName}`;
}
