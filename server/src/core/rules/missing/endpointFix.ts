// The quick fix shared by the missing-endpoint rules: add Gateway endpoints on the VPC's route
// tables and Interface endpoints for missing services, in the user's terms. Interface services
// go into the for_each list their siblings come from when there is one, else into blocks that
// copy an existing interface endpoint's vpc/subnet/security-group references. A fix that would
// need something it cannot identify is not offered (undefined).
import type { EvaluatedModule } from '../../analysis';
import type { EndpointView } from '../../model/endpoints';
import type { TerraformModule } from '../../model/module';
import type { Block, HclFile } from '../../parse/ast';
import { serviceNameFor } from '../../services/catalogue';
import { appendListElement, insertAfterBlock } from '../../fixes/edits';
import { blockText, copiedExpression, idsExpression, regionText, resourceName, styleOf, type RegionText, type TextStyle } from '../../fixes/terraformText';
import { isReferenceable } from '../../model/scope';
import { writtenArgument } from '../../model/viewHelpers';
import type { Fix, Position, Range, TextEdit } from '../../types';
import { forEachListSite } from './forEachList';
import VPC_MODULE_OUTPUTS from '../data/vpc-module-outputs.json';
import { appendMapEntries } from '../../fixes/objectEdits';
import type { Placed, PlacedRouteTable, VpcGroup } from './vpcGroups';
import { onEveryRouteTable } from './gatewayServices';

export interface MissingEndpoints {
  /** Interface endpoints to add, by short name. */
  interfaces: readonly string[];
  /** Gateway endpoints to add: `s3`, `dynamodb`. */
  gateways: readonly string[];
  /** Services already present that the new ones belong with: their for_each list is preferred. */
  companions?: readonly string[];
}

/** Blocks to insert after one anchor block, and the module their references live in. */
interface Insertion {
  module: EvaluatedModule;
  anchor: { file: HclFile; block: Block };
  blocks: string[];
}

/** Names taken and data sources added by one fix, so that its parts do not clash. */
interface FixContext {
  reserved: Set<string>;
  regions: Map<EvaluatedModule, RegionText>;
  /** Every module of the analysis: their provider constraints decide how a region data source is read. */
  configuration: readonly TerraformModule[];
}

export function missingEndpointsFix(modules: readonly EvaluatedModule[], group: VpcGroup, missing: MissingEndpoints, title: string): Fix | undefined {
  const edits: TextEdit[] = [];
  const insertions: Insertion[] = [];
  const context: FixContext = { reserved: new Set(), regions: new Map(), configuration: modules.map((m) => m.evaluator.module) };
  for (const service of missing.gateways) {
    const insertion = gatewayInsertion(group, service, context);
    if (!insertion) return undefined;
    insertions.push(insertion);
  }
  if (missing.interfaces.length > 0) {
    const found = listSite(modules, group, missing.companions ?? []);
    const site = found && isClean(found.file, found.kind === 'list' ? found.list.range : found.map.range) ? found : undefined;
    if (site) edits.push(site.kind === 'list' ? appendListElements(site.file, site.list, missing.interfaces) : appendMapEntries(site.file, site.map, site.value, missing.interfaces));
    else {
      const insertion = interfaceInsertion(group, missing.interfaces, context);
      if (!insertion) return undefined;
      insertions.push(insertion);
    }
  }
  edits.push(...mergeInsertions(insertions));
  // With the missing endpoints in place, the NAT gateway may have nothing left to carry.
  const interfaces = missing.interfaces.length > 0 || group.endpoints.some((e) => e.view.type === 'Interface' && e.view.service.kind === 'aws');
  const natNote = group.natGateways.length > 0 && interfaces ? `; ${group.natGateways.length === 1 ? 'its NAT gateway' : 'its NAT gateways'} may then be removable (VPCE301)` : '';
  return edits.length > 0 ? { title: `${title}${natNote}`, edits } : undefined;
}

function listSite(modules: readonly EvaluatedModule[], group: VpcGroup, companions: readonly string[]) {
  const isCompanion = (e: Placed<EndpointView>) => e.view.service.kind === 'aws' && companions.includes(e.view.service.shortName);
  const ordered = [...group.endpoints.filter(isCompanion), ...group.endpoints.filter((e) => !isCompanion(e))];
  for (const { view, module } of ordered) {
    if (view.type !== 'Interface') continue;
    const site = forEachListSite(modules, module, [view]);
    if (site) return site;
  }
  return undefined;
}

function appendListElements(file: HclFile, list: Parameters<typeof appendListElement>[1], services: readonly string[]): TextEdit {
  const last = list.items.at(-1);
  const multiLine = list.range.start.line !== list.range.end.line;
  const separator = last && multiLine ? `,${file.lineEnding}${' '.repeat(last.range.start.character)}` : ', ';
  return appendListElement(file, list, services.map((s) => JSON.stringify(s)).join(separator));
}

function gatewayInsertion(group: VpcGroup, service: string, context: FixContext): Insertion | undefined {
  if (group.registryVpc) return registryGatewayInsertion(group.registryVpc, service, context);
  const wanted = group.routeTables.filter((t) => (onEveryRouteTable(service) || t.privacy === 'private'));
  if (group.routeTables.length === 0 && group.vpc) return mainTableInsertion(group.vpc, service, context);
  const home = homeModule(group, wanted);
  if (!home) return undefined;
  const tables = wanted.filter((t) => t.module === home);
  const evaluator = home.evaluator;
  const routeTableIds = idsExpression(tables.map((t) => t.view.instance), (address) => {
    const resource = evaluator.module.resources.get(address);
    const instances = resource ? evaluator.refs.instances(resource) : undefined;
    return instances?.known ? instances.instances : [];
  });
  const vpcId = vpcIdText(group, home, tables);
  const anchor = lastEndpointAnchor(home) ?? anchorIn(home, tables.at(-1)!.view.instance.resource.block);
  if (!routeTableIds || !vpcId || !anchor) return undefined;
  return gatewayBlock(home, anchor, service, vpcId, routeTableIds, context);
}

/**
 * A VPC whose module declares no route table: its subnets use the VPC's main route table, so the
 * gateway endpoint goes there (`route_table_ids = [aws_vpc.main.main_route_table_id]`).
 */
function mainTableInsertion(vpc: NonNullable<VpcGroup['vpc']>, service: string, context: FixContext): Insertion | undefined {
  const instance = vpc.view.instance;
  if (!isReferenceable(instance.resource.name)) return undefined;
  const address = `${instance.resource.address}${indexText(instance.key)}`;
  const anchor = lastEndpointAnchor(vpc.module) ?? anchorIn(vpc.module, instance.resource.block);
  return anchor ? gatewayBlock(vpc.module, anchor, service, `${address}.id`, `[${address}.main_route_table_id]`, context) : undefined;
}

function gatewayBlock(module: EvaluatedModule, anchor: Insertion['anchor'], service: string, vpcId: string, routeTableIds: string, context: FixContext): Insertion {
  const { region, added } = regionFor(module, context);
  const name = resourceName(module.evaluator.module, 'aws_vpc_endpoint', service, context.reserved);
  context.reserved.add(name);
  const block = blockText(`resource "aws_vpc_endpoint" "${name}"`, [
    ['vpc_id', vpcId],
    ['service_name', serviceNameText(service, region)],
    ['vpc_endpoint_type', '"Gateway"'],
    ['route_table_ids', routeTableIds],
  ], styleFor(module));
  return { module, anchor, blocks: [...added, block] };
}

/** A Gateway endpoint beside a terraform-aws-modules/vpc call, on the route tables it outputs. */
function registryGatewayInsertion({ call, module }: NonNullable<VpcGroup['registryVpc']>, service: string, context: FixContext): Insertion | undefined {
  const anchor = anchorIn(module, call.call.block);
  if (!anchor || call.call.count || call.call.forEach || !isReferenceable(call.call.name)) return undefined;
  const output = (name: string) => `module.${call.call.name}.${name}`;
  const tables = onEveryRouteTable(service)
    ? `concat(${output(VPC_MODULE_OUTPUTS.privateRouteTableIds)}, ${output(VPC_MODULE_OUTPUTS.publicRouteTableIds)})`
    : output(VPC_MODULE_OUTPUTS.privateRouteTableIds);
  return gatewayBlock(module, anchor, service, output(VPC_MODULE_OUTPUTS.vpcId), tables, context);
}

/** The module that declares the route tables (the VPC's own when it has some there). */
function homeModule(group: VpcGroup, tables: readonly PlacedRouteTable[]): EvaluatedModule | undefined {
  if (group.vpc && tables.some((t) => t.module === group.vpc!.module)) return group.vpc.module;
  return tables[0]?.module;
}

function vpcIdText(group: VpcGroup, home: EvaluatedModule, tables: readonly PlacedRouteTable[]): string | undefined {
  if (group.vpc?.module === home) {
    const vpc = group.vpc.view.instance;
    return isReferenceable(vpc.resource.name) ? `${vpc.resource.address}${indexText(vpc.key)}.id` : undefined;
  }
  for (const { view, module } of group.endpoints) {
    if (module !== home || view.resource.block.type !== 'resource') continue;
    const copied = copiedExpression(writtenArgument(module.evaluator, view.instance, 'vpc_id')?.expr);
    if (copied) return copied;
  }
  for (const table of tables) {
    const copied = copiedExpression(writtenArgument(table.module.evaluator, table.view.instance, 'vpc_id')?.expr);
    if (copied) return copied;
  }
  return undefined;
}

function indexText(key: string | number | undefined): string {
  return key === undefined ? '' : `[${JSON.stringify(key)}]`;
}

/** New interface endpoint blocks modelled on an existing one of the VPC (same vpc, subnets, SGs). */
function interfaceInsertion(group: VpcGroup, services: readonly string[], context: FixContext): Insertion | undefined {
  const template = group.endpoints.map(templateOf).find((t) => t !== undefined);
  if (!template) return undefined;
  const { module, view, copied } = template;
  const anchor = anchorIn(module, view.resource.block);
  if (!anchor) return undefined;
  const { region, added } = regionFor(module, context);
  const style = styleOf([view.resource.block]);
  const blocks = services.map((service) => {
    const name = resourceName(module.evaluator.module, 'aws_vpc_endpoint', service, context.reserved);
    context.reserved.add(name);
    return blockText(`resource "aws_vpc_endpoint" "${name}"`, [
      ['vpc_id', copied.vpc_id],
      ['service_name', serviceNameText(service, region)],
      ['vpc_endpoint_type', '"Interface"'],
      ['subnet_ids', copied.subnet_ids],
      ['security_group_ids', copied.security_group_ids],
      ['private_dns_enabled', 'true'],
      ...(copied.region ? [['region', copied.region] as const] : []),
    ], style);
  });
  return { module, anchor, blocks: [...added, ...blocks] };
}

const COPIED = ['vpc_id', 'subnet_ids', 'security_group_ids'] as const;

function templateOf({ view, module }: Placed<EndpointView>) {
  if (view.type !== 'Interface' || view.service.kind !== 'aws' || view.resource.block.type !== 'resource') return undefined;
  const copied: Record<string, string> = {};
  for (const name of COPIED) {
    const text = copiedExpression(writtenArgument(module.evaluator, view.instance, name)?.expr);
    if (!text) return undefined;
    copied[name] = text;
  }
  // Null arguments are not set, so not copied.
  const regionAttribute = writtenArgument(module.evaluator, view.instance, 'region');
  const region = regionAttribute ? copiedExpression(regionAttribute.expr) : undefined;
  if (regionAttribute && !region) return undefined;
  return { view, module, copied: { vpc_id: copied.vpc_id!, subnet_ids: copied.subnet_ids!, security_group_ids: copied.security_group_ids!, region } };
}

/** The region text of a module, and the data source block to add if this is the fix's first use of it. */
function regionFor(module: EvaluatedModule, context: FixContext): { region: RegionText; added: string[] } {
  const known = context.regions.get(module);
  if (known) return { region: known, added: [] };
  const region = regionText(module.evaluator.module, context.configuration);
  context.regions.set(module, region);
  return { region, added: region.dataSource ? [region.dataSource] : [] };
}

function serviceNameText(service: string, region: RegionText): string {
  return JSON.stringify(serviceNameFor(service, '<region>') ?? `com.amazonaws.<region>.${service}`).replace('<region>', `\${${region.interpolation}}`);
}

/** After the module's last endpoint block that parses cleanly. */
function lastEndpointAnchor(module: EvaluatedModule): Insertion['anchor'] | undefined {
  return moduleFacts(module).lastEndpoint;
}

interface ModuleFacts {
  lastEndpoint: Insertion['anchor'] | undefined;
  style: TextStyle;
}

/** What every fix in a module asks about it, read once per analysis. */
const facts = new WeakMap<EvaluatedModule, ModuleFacts>();

function moduleFacts(module: EvaluatedModule): ModuleFacts {
  let known = facts.get(module);
  if (!known) {
    const resources = [...module.evaluator.module.resources.values()].filter((r) => r.mode === 'managed');
    const endpoints = resources.filter((r) => r.type === 'aws_vpc_endpoint');
    const anchors = endpoints.map((r) => anchorIn(module, r.block)).filter((a): a is Insertion['anchor'] => a !== undefined);
    known = { lastEndpoint: anchors.at(-1), style: styleOf([...endpoints, ...resources].map((r) => r.block)) };
    facts.set(module, known);
  }
  return known;
}

/** A top-level block to insert after: complete, and clear of syntax errors (text inserted after a broken block can be swallowed by it). */
function anchorIn(module: EvaluatedModule, block: Block): Insertion['anchor'] | undefined {
  const file = module.evaluator.module.files.find((f) => f.body.blocks.includes(block));
  return file && block.complete && isClean(file, block.range) ? { file, block } : undefined;
}

function isClean(file: HclFile, range: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return !file.syntaxErrors.some((e) => before(e.range.start, range.end) && before(range.start, e.range.end));
}

function styleFor(module: EvaluatedModule): TextStyle {
  return moduleFacts(module).style;
}

/** One edit per anchor block, so that blocks inserted at the same place keep their order. */
function mergeInsertions(insertions: readonly Insertion[]): TextEdit[] {
  const byAnchor = new Map<Block, Insertion>();
  for (const insertion of insertions) {
    const existing = byAnchor.get(insertion.anchor.block);
    if (existing) existing.blocks.push(...insertion.blocks.filter((b) => !existing.blocks.includes(b)));
    else byAnchor.set(insertion.anchor.block, { ...insertion, blocks: [...insertion.blocks] });
  }
  return [...byAnchor.values()].map((i) => insertAfterBlock(i.anchor.file, i.anchor.block, i.blocks.join('\n\n')));
}
