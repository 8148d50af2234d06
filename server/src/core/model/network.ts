// The typed view of the network around endpoints: VPCs, subnets, route tables (with their
// routes), NAT gateways and security groups with their ingress rules, inline or as separate
// rule resources. Each item names the VPC it belongs to when that can be told.
import type { Block } from '../parse/ast';
import { findAttribute } from '../parse/ast';
import { type Assumption, NONE, withAssumptionsIn } from './assumptions';
import type { Evaluator } from './evaluator';
import { resolveRegion, type RegionResolution } from './region';
import type { Instance } from './scope';
import { evaluateArgument, referenceKey, referenceList } from './viewHelpers';
import { type Value, asNumber, asString, isList } from './values';

export interface SubnetView { address: string; instance: Instance; vpc?: string; availabilityZone?: string; cidr?: string }
interface RouteView { destination?: string; target: 'internet_gateway' | 'nat_gateway' | 'transit_gateway' | 'other' | 'unknown'; targetKey?: string }
export interface RouteTableView { address: string; instance: Instance; vpc?: string; routes: RouteView[] }
export interface NatGatewayView {
  address: string; instance: Instance; subnet?: string; connectivity: 'public' | 'private'; region: RegionResolution;
  /** What deciding its instances rests on that the Terraform does not say (`count = length(<AZs>)`). */
  assumptions: readonly Assumption[];
}
export interface IngressRule {
  /** undefined when the port range cannot be known */
  fromPort?: number;
  toPort?: number;
  /** `tcp`, `-1` (all), … ; undefined when unknown */
  protocol?: string;
  cidrs: string[];
  /** rule sources are other security groups / prefix lists, or cannot be known */
  otherSources: boolean;
  address: string;
}
export interface SecurityGroupView { address: string; instance: Instance; vpc?: string; ingress: IngressRule[] }
export interface VpcView { address: string; instance: Instance; cidr?: string }

export interface NetworkView {
  vpcs: VpcView[];
  subnets: SubnetView[];
  routeTables: RouteTableView[];
  natGateways: NatGatewayView[];
  securityGroups: SecurityGroupView[];
}

function instancesOf(evaluator: Evaluator, type: string): Instance[] {
  const out: Instance[] = [];
  for (const resource of evaluator.module.resources.values()) {
    if (resource.mode !== 'managed' || resource.type !== type) continue;
    const instances = evaluator.refs.instances(resource);
    if (instances.known) out.push(...instances.instances);
  }
  return out;
}

const str = (v: Value | undefined): string | undefined => (v === undefined ? undefined : asString(v));
const optional = <K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: T }));

export function networkView(evaluator: Evaluator): NetworkView {
  const ev = (i: Instance, name: string) => evaluateArgument(evaluator, i, name);
  return {
    vpcs: instancesOf(evaluator, 'aws_vpc').map((i) => ({ address: i.address, instance: i, ...optional('cidr', str(ev(i, 'cidr_block'))) })),
    subnets: instancesOf(evaluator, 'aws_subnet').map((i) => ({
      address: i.address, instance: i,
      ...optional('vpc', referenceKey(ev(i, 'vpc_id'))),
      ...optional('availabilityZone', str(ev(i, 'availability_zone'))),
      ...optional('cidr', str(ev(i, 'cidr_block'))),
    })),
    routeTables: routeTables(evaluator),
    natGateways: instancesOf(evaluator, 'aws_nat_gateway').map((i) => withAssumptionsIn((): NatGatewayView => {
      evaluator.refs.instances(i.resource); // `count = length(data.aws_availability_zones.x.names)`
      return {
        address: i.address, instance: i,
        ...optional('subnet', referenceKey(ev(i, 'subnet_id'))),
        connectivity: str(ev(i, 'connectivity_type')) === 'private' ? 'private' : 'public',
        region: resolveRegion(evaluator, i),
        assumptions: NONE,
      };
    })),
    securityGroups: securityGroups(evaluator),
  };
}

/** An argument of a nested block (`route`, `ingress`); undefined when not written or null. */
function blockArgument(evaluator: Evaluator, instance: Instance, body: Block['body'], name: string): Value | undefined {
  const attribute = findAttribute(body, name);
  const value = attribute ? evaluator.evaluate(attribute.expr, instance.scope) : null;
  return value === null ? undefined : value;
}

function routeOf(evaluator: Evaluator, instance: Instance, body: Block['body']): RouteView {
  const read = (name: string) => blockArgument(evaluator, instance, body, name);
  const destination = str(read('cidr_block') ?? read('destination_cidr_block'));
  const gateway = read('gateway_id');
  const nat = read('nat_gateway_id');
  const transit = read('transit_gateway_id');
  const natKey = referenceKey(nat);
  const gatewayKey = referenceKey(gateway);
  let target: RouteView['target'] = 'other';
  if (natKey !== undefined) target = 'nat_gateway';
  else if (transit !== undefined) target = 'transit_gateway';
  else if (gatewayKey !== undefined) target = /aws_internet_gateway|^igw-/.test(gatewayKey) ? 'internet_gateway' : gatewayKey.startsWith('aws_') || gatewayKey.startsWith('module.') ? 'other' : 'unknown';
  else if (gateway !== undefined || nat !== undefined) target = 'unknown';
  return { ...optional('destination', destination), target, ...optional('targetKey', natKey ?? gatewayKey) };
}

function routeTables(evaluator: Evaluator): RouteTableView[] {
  const tables: RouteTableView[] = [...instancesOf(evaluator, 'aws_route_table'), ...instancesOf(evaluator, 'aws_default_route_table')].map((i) => ({
    address: i.address, instance: i,
    ...optional('vpc', referenceKey(evaluateArgument(evaluator, i, 'vpc_id'))),
    routes: i.resource.block.body.blocks.filter((b) => b.type === 'route').map((b) => routeOf(evaluator, i, b.body)),
  }));
  const byAddress = new Map(tables.map((t) => [t.address, t]));
  for (const route of instancesOf(evaluator, 'aws_route')) {
    const table = byAddress.get(referenceKey(evaluateArgument(evaluator, route, 'route_table_id')) ?? '');
    table?.routes.push(routeOf(evaluator, route, route.resource.block.body));
  }
  return tables;
}

function securityGroups(evaluator: Evaluator): SecurityGroupView[] {
  const groups: SecurityGroupView[] = instancesOf(evaluator, 'aws_security_group').map((i) => ({
    address: i.address, instance: i,
    ...optional('vpc', referenceKey(evaluateArgument(evaluator, i, 'vpc_id'))),
    ingress: i.resource.block.body.blocks.filter((b) => b.type === 'ingress').map((b) => {
      const read = (name: string) => blockArgument(evaluator, i, b.body, name);
      return ingressRule(i.address, read('from_port'), read('to_port'), read('protocol'), read('cidr_blocks'), read('security_groups') ?? read('prefix_list_ids') ?? (read('self') === true ? true : undefined));
    }),
  }));
  const byAddress = new Map(groups.map((g) => [g.address, g]));
  for (const rule of instancesOf(evaluator, 'aws_vpc_security_group_ingress_rule')) {
    const ev = (n: string) => evaluateArgument(evaluator, rule, n);
    const cidr = ev('cidr_ipv4');
    byAddress.get(referenceKey(ev('security_group_id')) ?? '')?.ingress.push(
      ingressRule(rule.address, ev('from_port'), ev('to_port'), ev('ip_protocol'), cidr === undefined ? undefined : [cidr], ev('referenced_security_group_id') ?? ev('prefix_list_id')),
    );
  }
  for (const rule of instancesOf(evaluator, 'aws_security_group_rule')) {
    const ev = (n: string) => evaluateArgument(evaluator, rule, n);
    if (str(ev('type')) !== 'ingress') continue;
    byAddress.get(referenceKey(ev('security_group_id')) ?? '')?.ingress.push(
      ingressRule(rule.address, ev('from_port'), ev('to_port'), ev('protocol'), ev('cidr_blocks'), ev('source_security_group_id') ?? (ev('self') === true ? true : undefined)),
    );
  }
  return groups;
}

function ingressRule(address: string, from: Value | undefined, to: Value | undefined, protocol: Value | undefined, cidrs: Value | undefined, otherSource: Value | undefined): IngressRule {
  const cidrList = cidrs === undefined ? [] : isList(cidrs) ? cidrs.map(str).filter((c): c is string => c !== undefined) : [];
  const unknownCidrs = cidrs !== undefined && (!isList(cidrs) || (referenceList(cidrs)?.keys.length ?? 0) !== cidrList.length);
  const fromPort = from === undefined ? undefined : asNumber(from);
  const toPort = to === undefined ? fromPort : asNumber(to);
  return {
    address,
    ...optional('fromPort', fromPort),
    ...optional('toPort', toPort),
    ...optional('protocol', str(protocol)),
    cidrs: cidrList,
    otherSources: otherSource !== undefined || unknownCidrs,
  };
}
