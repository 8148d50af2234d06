// Which subnets and route tables of an endpoint's VPC are private, and how a fix references
// them. A route to an internet gateway makes a table public, a route to a NAT gateway private
// (missing/routing.ts); then a name or Name tag saying "private" or "public" decides; then a
// table with no internet route is private. A subnet is judged by its associated route table's
// routes and its own name; map_public_ip_on_launch = true makes it public.
// docs/rules.md, "What private means".
import type { EvaluatedModule } from '../../analysis';
import type { Evaluator } from '../../model/evaluator';
import { registrySource } from '../../model/knownModules';
import type { ModuleCall } from '../../model/module';
import type { RouteTableView, SubnetView } from '../../model/network';
import type { Instance } from '../../model/scope';
import { evaluateArgument } from '../../model/viewHelpers';
import { isMap } from '../../model/values';
import { idsExpression } from '../../fixes/terraformText';
import { routeTablePrivacy, subnetRouteTables } from '../missing/routing';

const VPC_MODULE = 'terraform-aws-modules/vpc/aws';

function namePrivacy(evaluator: Evaluator, instance: Instance): 'private' | 'public' | undefined {
  const tags = evaluateArgument(evaluator, instance, 'tags');
  const tagName = tags !== undefined && isMap(tags) ? tags.get('Name') : undefined;
  const names = [instance.resource.name, typeof tagName === 'string' ? tagName : ''];
  if (names.some((n) => /public/i.test(n))) return 'public';
  if (names.some((n) => /private/i.test(n))) return 'private';
  return undefined;
}

/** Routes say public (internet gateway) or private (NAT) first; then the name; then "no internet route". */
function privacy(evaluator: Evaluator, table: RouteTableView | undefined, instance: Instance): boolean {
  const byRoutes = table ? routeTablePrivacy(table) : 'unknown';
  if (byRoutes === 'public') return false;
  if (table?.routes.some((r) => r.target === 'nat_gateway')) return true;
  const named = namePrivacy(evaluator, instance);
  if (named) return named === 'private';
  return byRoutes === 'private' && table?.instance.resource.type !== 'aws_default_route_table';
}

function isPrivateTable(evaluator: Evaluator, table: RouteTableView): boolean {
  return privacy(evaluator, table, table.instance);
}

function isPrivateSubnet(module: EvaluatedModule, subnet: SubnetView, tables: Map<string, string>): boolean {
  if (evaluateArgument(module.evaluator, subnet.instance, 'map_public_ip_on_launch') === true) return false;
  const table = module.network.routeTables.find((t) => t.address === tables.get(subnet.address));
  return privacy(module.evaluator, table, subnet.instance);
}

/** In the endpoint's VPC; with the VPC unknown, only a module with at most one aws_vpc qualifies. */
function inVpc(module: EvaluatedModule, vpc: string | undefined): (item: { vpc?: string }) => boolean {
  if (vpc === undefined) return () => module.network.vpcs.length <= 1;
  return (item) => item.vpc === undefined || item.vpc === vpc;
}

function allInstancesOf(module: EvaluatedModule): (address: string) => readonly Instance[] {
  return (address) => {
    const resource = module.evaluator.module.resources.get(address);
    const instances = resource ? module.evaluator.refs.instances(resource) : undefined;
    return instances?.known ? instances.instances : [];
  };
}

const vpcModuleCalls = new WeakMap<EvaluatedModule, ModuleCall[]>();

/** The module's terraform-aws-modules/vpc calls, found once per analysis (rules ask per endpoint). */
function vpcModuleCallsOf(module: EvaluatedModule): ModuleCall[] {
  let calls = vpcModuleCalls.get(module);
  if (!calls) vpcModuleCalls.set(module, (calls = [...module.evaluator.module.moduleCalls.values()].filter((c) => registrySource(c.source) === VPC_MODULE)));
  return calls;
}

/** The terraform-aws-modules/vpc call the endpoint's VPC comes from, if any. */
export function vpcModuleCall(module: EvaluatedModule, vpcIdReferences: string[]): string | undefined {
  const calls = vpcModuleCallsOf(module);
  const referenced = calls.find((c) => vpcIdReferences.some((r) => r === `module.${c.name}` || r.startsWith(`module.${c.name}.`)));
  return (referenced ?? (calls.length === 1 ? calls[0] : undefined))?.name;
}

function vpcModuleOutput(module: EvaluatedModule, vpcIdReferences: string[], output: string): string | undefined {
  const call = vpcModuleCall(module, vpcIdReferences);
  return call && module.evaluator.module.moduleCalls.get(call)?.inputs.has('private_subnets') ? `module.${call}.${output}` : undefined;
}

/**
 * `subnet_ids` for an Interface endpoint. AWS takes at most one subnet per AZ, so one private
 * subnet set is chosen (a count/for_each resource, "private" in its name first, then the
 * largest), else private single subnets with distinct AZs, else the VPC module's
 * `private_subnets`. undefined when none can be identified.
 */
export function privateSubnetIds(module: EvaluatedModule, vpc: string | undefined, vpcIdReferences: string[]): string | undefined {
  const tables = subnetRouteTables([module]);
  const chosen = module.network.subnets.filter(inVpc(module, vpc)).filter((s) => isPrivateSubnet(module, s, tables));
  const allOf = allInstancesOf(module);
  const sets = [...new Set(chosen.map((s) => s.instance.resource))]
    .filter((r) => (r.count || r.forEach) && chosen.filter((s) => s.instance.resource === r).length === allOf(r.address).length)
    .sort((a, b) => Number(/private/i.test(b.name)) - Number(/private/i.test(a.name)) || allOf(b.address).length - allOf(a.address).length);
  if (sets[0]) return idsExpression(allOf(sets[0].address), allOf);
  const azs = new Set<string>();
  const singles = chosen.filter((s) => {
    if (s.instance.resource.count || s.instance.resource.forEach) return false;
    if (s.availabilityZone === undefined) return true;
    if (azs.has(s.availabilityZone)) return false;
    azs.add(s.availabilityZone);
    return true;
  });
  if (singles.length > 0) return idsExpression(singles.map((s) => s.instance), allOf);
  return module.network.subnets.length === 0 ? vpcModuleOutput(module, vpcIdReferences, 'private_subnets') : undefined;
}

/** `route_table_ids` for a Gateway endpoint: every private route table of the VPC. */
export function privateRouteTableIds(module: EvaluatedModule, vpc: string | undefined, vpcIdReferences: string[]): string | undefined {
  const chosen = module.network.routeTables.filter(inVpc(module, vpc)).filter((t) => isPrivateTable(module.evaluator, t));
  if (chosen.length > 0) return idsExpression(chosen.map((t) => t.instance), allInstancesOf(module));
  return module.network.routeTables.length === 0 ? vpcModuleOutput(module, vpcIdReferences, 'private_route_table_ids') : undefined;
}
