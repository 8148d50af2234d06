// The missing-endpoint rules reason per VPC: endpoints, subnets, route tables and NAT gateways
// grouped by the VPC their `vpc_id` (or their subnet's) refers to, across the root and its
// local child modules (docs/rules.md, "A VPC below is ..."). With no visible VPC (no `aws_vpc`,
// no terraform-aws-modules/vpc call) everything is one VPC. What cannot be placed in one VPC
// may be in any: it can satisfy a requirement there, never raise one.
import { siteOf } from '../endpoint/endpointSite';
import type { EvaluatedModule, ModuleAnalysis } from '../../analysis';
import type { EndpointView } from '../../model/endpoints';
import type { NatGatewayView, RouteTableView, SubnetView, VpcView } from '../../model/network';
import type { RegistryCall } from '../../model/registryModules/index';
import { MODULE_SCOPE } from '../../model/scope';
import { isList, isUnknown } from '../../model/values';
import type { Range } from '../../types';
import { routeTablePrivacy, subnetRouteTables, type Privacy } from './routing';
import { unknownEndpointsOf, type UnknownEndpoint } from './unknownEndpoints';

export interface Placed<T> {
  view: T;
  module: EvaluatedModule;
}

export interface PlacedRouteTable extends Placed<RouteTableView> {
  privacy: Privacy;
}

export interface Anchor {
  file: string;
  range: Range;
  address?: string;
}

interface PlacedNat {
  view: NatGatewayView;
  anchor: Anchor;
}

export interface VpcGroup {
  key: string;
  /** How messages name the VPC: `VPC aws_vpc.main`, `VPC var.vpc_id`, `the module's VPC`. */
  label: string;
  vpc?: Placed<VpcView>;
  registryVpc?: { call: RegistryCall; module: EvaluatedModule };
  endpoints: Placed<EndpointView>[];
  /** Endpoints whose VPC cannot be told: they may be in this one. */
  maybeEndpoints: Placed<EndpointView>[];
  /** Endpoint resources whose instances cannot be known, and may be in this VPC. */
  unknownEndpoints: UnknownEndpoint[];
  routeTables: PlacedRouteTable[];
  subnets: Placed<SubnetView>[];
  /** NAT gateways with internet connectivity (private NAT gateways lead nowhere public). */
  natGateways: PlacedNat[];
  /** The registry vpc module's private subnets get route tables without an internet gateway. */
  registryPrivateSubnets: boolean;
}

const SINGLE_VPC_KEY = '(module)';

export function vpcGroups(analysis: ModuleAnalysis): VpcGroup[] {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const groups = buildGroups(analysis.modules);
  cache.set(analysis, groups);
  return groups;
}

const cache = new WeakMap<ModuleAnalysis, VpcGroup[]>();

function emptyGroup(key: string, label: string): VpcGroup {
  return { key, label, endpoints: [], maybeEndpoints: [], unknownEndpoints: [], routeTables: [], subnets: [], natGateways: [], registryPrivateSubnets: false };
}

function buildGroups(modules: readonly EvaluatedModule[]): VpcGroup[] {
  const groups = new Map<string, VpcGroup>();
  for (const module of modules) {
    for (const vpc of module.network.vpcs) groups.set(vpc.address, { ...emptyGroup(vpc.address, `VPC ${vpc.address}`), vpc: { view: vpc, module } });
    for (const call of module.registry.calls) {
      if (call.kind !== 'vpc') continue;
      const key = `${module.prefix}module.${call.call.name}`;
      groups.set(key, { ...emptyGroup(key, `VPC ${key}`), registryVpc: { call, module }, registryPrivateSubnets: hasPrivateSubnets(module, call) });
    }
  }
  const single = groups.size === 0 ? emptyGroup(SINGLE_VPC_KEY, 'the module\'s VPC') : undefined;
  const unplacedEndpoints: Placed<EndpointView>[] = [];
  const unplaced: (() => void)[] = [];
  /** The group of a VPC key; items with no key go to the only group, or nowhere. */
  const groupFor = (key: string | undefined): VpcGroup | undefined => {
    if (single) return single;
    if (key === undefined) return groups.size === 1 ? [...groups.values()][0] : undefined;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = emptyGroup(key, `VPC ${key}`)));
    return group;
  };
  const subnetVpc = new Map<string, string | undefined>();
  for (const module of modules) {
    for (const subnet of module.network.subnets) {
      subnetVpc.set(subnet.address, subnet.vpc);
      groupFor(subnet.vpc)?.subnets.push({ view: subnet, module });
    }
    for (const table of module.network.routeTables) groupFor(table.vpc)?.routeTables.push({ view: table, module, privacy: routeTablePrivacy(table) });
    for (const nat of module.network.natGateways) {
      if (nat.connectivity !== 'public') continue;
      const anchor = { file: nat.instance.resource.file, range: nat.instance.resource.block.headerRange, address: nat.address };
      groupFor(nat.subnet === undefined ? undefined : subnetVpc.get(nat.subnet))?.natGateways.push({ view: nat, anchor });
    }
    for (const call of module.registry.calls) {
      const group = call.kind === 'vpc' ? groups.get(`${module.prefix}module.${call.call.name}`) ?? single : undefined;
      for (const nat of call.natGateways) group?.natGateways.push({ view: nat, anchor: { file: call.call.file, range: call.call.block.headerRange, address: nat.address } });
    }
    for (const view of [...module.endpoints, ...module.registry.endpoints]) {
      const group = groupFor(view.vpc);
      if (group) group.endpoints.push({ view, module });
      else unplacedEndpoints.push({ view, module });
    }
    for (const unknown of unknownEndpointsOf(module)) {
      unplaced.push(() => {
        const group = unknown.vpc === undefined ? undefined : groups.get(unknown.vpc);
        for (const target of group ? [group] : single ? [single] : [...groups.values()]) target.unknownEndpoints.push(unknown);
      });
    }
  }
  for (const place of unplaced) place();
  const all = single ? [single] : [...groups.values()];
  for (const group of all) group.maybeEndpoints.push(...unplacedEndpoints);
  if (single) single.label = singleLabel(single);
  return all;
}

/** One VPC referred to the same way everywhere (`var.vpc_id`) is named so; else generically. */
function singleLabel(group: VpcGroup): string {
  const keys = new Set([...group.endpoints.map((e) => e.view.vpc), ...group.routeTables.map((t) => t.view.vpc)].filter((k): k is string => k !== undefined));
  return keys.size === 1 ? `VPC ${[...keys][0]!}` : group.label;
}

function hasPrivateSubnets(module: EvaluatedModule, call: RegistryCall): boolean {
  const input = call.call.inputs.get('private_subnets');
  if (!input) return false;
  const value = module.evaluator.evaluate(input.expr, MODULE_SCOPE);
  return !isUnknown(value) && isList(value) && value.length > 0;
}

/** Where a finding about the whole VPC goes: its `aws_vpc` block, its module call, else the first thing in it. */
export function vpcAnchor(group: VpcGroup): Anchor | undefined {
  if (group.vpc) return { file: group.vpc.view.instance.resource.file, range: group.vpc.view.instance.resource.block.headerRange, address: group.vpc.view.address };
  if (group.registryVpc) return { file: group.registryVpc.call.call.file, range: group.registryVpc.call.call.block.headerRange, address: group.key };
  const table = group.routeTables.find((t) => t.privacy === 'private') ?? group.routeTables[0];
  if (table) return { file: table.view.instance.resource.file, range: table.view.instance.resource.block.headerRange, address: table.view.address };
  return group.natGateways[0]?.anchor ?? firstEndpointAnchor(group.endpoints);
}

export function firstEndpointAnchor(endpoints: readonly Placed<EndpointView>[]): Anchor | undefined {
  const anchors = endpoints.map(endpointAnchor).sort((a, b) => a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line);
  return anchors[0];
}

/** Where an endpoint is written: its block's header, or the key of the vpc-endpoints entry it comes from. */
export function endpointAnchor({ view, module }: Placed<EndpointView>): Anchor {
  const site = view.entry ? siteOf(module, view) : undefined;
  return site ? { file: site.file.path, range: site.header, address: view.address } : { file: view.file, range: view.resource.block.headerRange, address: view.address };
}

/** Private route tables, or NAT gateways: instances in this VPC reach AWS APIs only through endpoints or NAT. */
export function hasPrivateRouting(group: VpcGroup): boolean {
  return group.natGateways.length > 0 || group.registryPrivateSubnets || group.routeTables.some((t) => t.privacy === 'private' && !unusedDefaultTable(group, t));
}

/**
 * An `aws_default_route_table` (the VPC's main table) without a NAT route routes nothing of its
 * own when every subnet of the VPC has its own table: it is no evidence of private subnets.
 */
function unusedDefaultTable(group: VpcGroup, table: PlacedRouteTable): boolean {
  if (table.view.instance.resource.type !== 'aws_default_route_table' || table.view.routes.some((r) => r.target === 'nat_gateway')) return false;
  const associated = new Set(associatedSubnets(group));
  return group.subnets.every((s) => associated.has(s.view.address));
}

function associatedSubnets(group: VpcGroup): string[] {
  return [...subnetRouteTables([...new Set([...group.routeTables, ...group.subnets].map((t) => t.module))]).keys()];
}

/** A private route table whose default route goes to a transit gateway: the VPC is a spoke. */
export function transitGatewaySpoke(group: VpcGroup): boolean {
  return group.natGateways.length === 0 && group.routeTables.some((t) => t.view.routes.some((r) => r.target === 'transit_gateway' && (r.destination === undefined || r.destination === '0.0.0.0/0')));
}

