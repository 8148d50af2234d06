// What priced thing is at a position of a file: a block of a priced kind (pricing/pricedKinds.ts)
// (header or body), a call of a registry module vpce-lens prices, any other module call (what
// its instances create, or why its code cannot be read), or the element of a list or
// map that creates endpoints through for_each (a `locals` list entry, an `endpoints` map
// entry). The innermost wins, so an entry of a module call's map beats the call itself.
import { kindOfResourceType, type PricedKindName } from '../pricing/pricedKinds';
import type { Position, Range } from '../types';
import type { ModuleCall } from './module';
import { everyModuleInstance } from './scope';
import type { EndpointView } from './endpoints';
import type { Evaluator } from './evaluator';
import { keyOrigin } from './origins';
import { VPC_ENDPOINTS_MODULE } from './registryModules/sources';
import type { RegistryResources } from './registryModules/types';

/** What locate needs of an evaluated module (the analyzer's EvaluatedModule has it). */
export interface LocatableModule {
  prefix: string;
  evaluator: Evaluator;
  endpoints: EndpointView[];
  registry: RegistryResources;
  /** Module call instances whose code cannot be read, with the reason. */
  unreadModules: readonly { address: string; call: ModuleCall; reason: string }[];
}

type CostTargetKind = PricedKindName | 'vpc-endpoints module' | 'vpc module' | 'module' | 'element';

export interface CostTarget {
  kind: CostTargetKind;
  /** The block's address (`aws_vpc_endpoint.interface`, `module.endpoints`) or the element's key. */
  title: string;
  file: string;
  /** The hovered construct: the whole block, or the element. */
  range: Range;
  /** The instances it stands for, by full address; empty when it creates none. */
  addresses: string[];
  /** A module call stands for every instance under these address prefixes (`module.ep["ssm"].`). */
  prefixes?: string[];
  /** Why what it creates cannot be priced at all (a module whose code cannot be read). */
  notPriced?: string;
  /** What it may also create but cannot be listed (a registry call's unknown inputs), with the reason. */
  unpriced?: string[];
  instances: { known: true; source: string } | { known: false; reason: string };
  /** Things about a registry module call the hover should say (unknown inputs, NAT count). */
  notes: string[];
}

export function costTargetAt(modules: readonly LocatableModule[], file: string, position: Position): CostTarget | undefined {
  const candidates: CostTarget[] = [];
  for (const module of modules) {
    candidates.push(...blockTargets(module, file), ...registryTargets(module, file), ...moduleCallTargets(module, file), ...elementTargets(module, file));
  }
  const containing = mergeInstances(candidates.filter((c) => contains(c.range, position)));
  containing.sort((a, b) => size(a.range) - size(b.range));
  return containing[0];
}

/** Every block-level target of a file (for code lenses and tests). */
export function costTargetsIn(modules: readonly LocatableModule[], file: string): CostTarget[] {
  return mergeInstances(modules.flatMap((m) => [...blockTargets(m, file), ...registryTargets(m, file), ...moduleCallTargets(m, file)]));
}

/**
 * A block in a module called with count/for_each is one target per module instance; in its
 * file they are one construct, so they become one target standing for every instance
 * (`module.ep[*].aws_vpc_endpoint.this`).
 */
function mergeInstances(targets: CostTarget[]): CostTarget[] {
  const groups = new Map<string, CostTarget[]>();
  for (const target of targets) {
    const key = `${target.kind}|${target.range.start.line}:${target.range.start.character}:${target.range.end.line}:${target.range.end.character}`;
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group as [CostTarget, ...CostTarget[]];
    if (group.length === 1) return first;
    const unknown = group.find((t) => !t.instances.known)?.instances;
    const prefixes = group.flatMap((t) => t.prefixes ?? []);
    return {
      ...first,
      title: everyModuleInstance(first.title),
      addresses: group.flatMap((t) => t.addresses),
      ...(first.prefixes ? { prefixes } : {}),
      instances: unknown ?? { known: true, source: `${first.instances.known ? first.instances.source : ''} in each of ${group.length} module instances` },
      notes: [...new Set(group.flatMap((t) => t.notes))],
    };
  });
}

/** Module calls read from their code (local or downloaded), or that cannot be read: not the built-in registry models. */
function moduleCallTargets(module: LocatableModule, file: string): CostTarget[] {
  const targets: CostTarget[] = [];
  const modelled = new Set(module.registry.calls.map((c) => c.call));
  for (const call of module.evaluator.module.moduleCalls.values()) {
    if (call.file !== file || modelled.has(call)) continue;
    const instances = module.evaluator.refs.moduleInstances(call);
    const unread = module.unreadModules.filter((u) => u.call === call);
    targets.push({
      kind: 'module', title: `${module.prefix}module.${call.name}`, file, range: call.block.range,
      addresses: [], prefixes: instances.known ? instances.instances.map((i) => `${i.address}.`) : [],
      instances: instances.known ? { known: true, source: instances.source } : { known: false, reason: instances.reason },
      notes: [],
      ...(unread[0] ? { notPriced: unread[0].reason } : {}),
    });
  }
  return targets;
}

/** The priced instances a target stands for. */
export function targetResources<T extends { address: string }>(target: CostTarget, resources: readonly T[]): T[] {
  if (target.prefixes) {
    const prefixes = target.prefixes;
    return resources.filter((r) => prefixes.some((p) => r.address.startsWith(p)));
  }
  const wanted = new Set(target.addresses);
  return resources.filter((r) => wanted.has(r.address));
}

function blockTargets(module: LocatableModule, file: string): CostTarget[] {
  const targets: CostTarget[] = [];
  for (const resource of module.evaluator.module.resources.values()) {
    const kind = kindOfResourceType(resource.type);
    if (!kind || resource.mode !== 'managed' || resource.file !== file) continue;
    const instances = module.evaluator.refs.instances(resource);
    targets.push({
      kind, title: `${module.prefix}${resource.address}`, file, range: resource.block.range,
      addresses: instances.known ? instances.instances.map((i) => i.address) : [],
      instances: instances.known ? { known: true, source: instances.source } : { known: false, reason: instances.reason },
      notes: [],
    });
  }
  return targets;
}

function registryTargets(module: LocatableModule, file: string): CostTarget[] {
  return module.registry.calls.filter((c) => c.call.file === file).map((c) => {
    const addresses = [...c.endpoints, ...c.natGateways].map((x) => x.address);
    const unpriced = c.unpriced.map((u) => u.reason);
    // Nothing listed and something unknown: the call's cost is unknown, not nothing.
    const instances: CostTarget['instances'] = addresses.length === 0 && unpriced.length > 0
      ? { known: false, reason: unpriced[0]! }
      : { known: true, source: c.kind === 'vpc' ? c.natCountSource ?? 'no NAT gateway' : `${c.endpoints.length} endpoint${c.endpoints.length === 1 ? '' : 's'} in ${VPC_ENDPOINTS_MODULE.endpointsInput}` };
    return {
      kind: c.kind === 'vpc' ? 'vpc module' : 'vpc-endpoints module',
      title: `${module.prefix}module.${c.call.name}`,
      file,
      range: c.call.block.range,
      addresses,
      instances,
      notes: c.notes,
      ...(unpriced.length > 0 ? { unpriced } : {}),
    } satisfies CostTarget;
  });
}

/** The for_each elements in `file` that create endpoints, each with the instances it creates. */
function elementTargets(module: LocatableModule, file: string): CostTarget[] {
  const byRange = new Map<string, CostTarget>();
  const add = (origin: { file: string; range: Range } | undefined, key: string, address: string) => {
    if (!origin || origin.file !== file) return;
    const id = `${origin.range.start.line}:${origin.range.start.character}:${origin.range.end.line}:${origin.range.end.character}`;
    const target = byRange.get(id) ?? { kind: 'element' as const, title: JSON.stringify(key), file, range: origin.range, addresses: [], instances: { known: true as const, source: 'for_each' }, notes: [] };
    target.addresses.push(address);
    byRange.set(id, target);
  };
  const tf = module.evaluator.module;
  for (const endpoint of module.endpoints) {
    const forEach = endpoint.resource.forEach;
    if (forEach && typeof endpoint.instance.key === 'string') add(keyOrigin(tf, forEach, endpoint.resource.file, endpoint.instance.key), endpoint.instance.key, endpoint.address);
  }
  for (const call of module.registry.calls) for (const endpoint of call.endpoints) add(endpoint.entry?.origin, String(endpoint.instance.key), endpoint.address);
  return [...byRange.values()];
}


function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

function size(range: Range): number {
  return (range.end.line - range.start.line) * 100_000 + (range.end.character - range.start.character);
}
