// Recognises calls of the registry modules vpce-lens understands from their inputs
// (data/registry-modules.json), and gives their instances (a module call may have count or
// for_each) and the region their resources live in.
import registryData from './data/registry-modules.json';
import type { Evaluator } from '../evaluator';
import type { ModuleCall, Resource } from '../module';
import { callerProviderKey } from '../moduleProviders';
import { providerRegion, type RegionResolution } from '../region';
import type { Instance, Instances } from '../scope';
import type { Value } from '../values';
import type { RegistryCall, RegistryModuleKind } from './types';


export const VPC_ENDPOINTS_MODULE = registryData.vpcEndpoints;
export const VPC_MODULE = registryData.vpc;

const SOURCES: [RegistryModuleKind, string[]][] = [
  ['vpc-endpoints', VPC_ENDPOINTS_MODULE.sources],
  ['vpc', VPC_MODULE.sources],
];

/** `git::https://github.com/x/y.git//sub?ref=v1` -> `github.com/x/y//sub`, lower case. */
export function normalizeModuleSource(source: string): string {
  return source
    .trim()
    .replace(/^git::/, '')
    .replace(/^(https?|ssh|git):\/\/(git@)?/, '')
    .replace(/^git@([^:]+):/, '$1/')
    .replace(/^registry\.terraform\.io\//, '')
    .split('?')[0]!
    .replace(/\.git(?=\/\/|$)/, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

export function registryModuleKind(call: ModuleCall): RegistryModuleKind | undefined {
  if (!call.source) return undefined;
  const source = normalizeModuleSource(call.source);
  return SOURCES.find(([, known]) => known.includes(source))?.[0];
}

/** One instance per count index / for_each key of the call; `address` is `module.x["k"]`. */
export function callInstances(evaluator: Evaluator, call: ModuleCall): Instances {
  return evaluator.refs.moduleInstances(call);
}

/** A resource the registry module declares, e.g. `aws_vpc_endpoint.this`, anchored at the call. */
export function moduleResource(call: ModuleCall, address: string): Resource {
  const [type, name] = address.split('.') as [string, string];
  return { mode: 'managed', type, name, address, block: call.block, file: call.file, provider: 'aws' };
}

export function resourceInstance(resource: Resource, moduleInstance: Instance, key: string | number | undefined): Instance {
  const index = key === undefined ? '' : typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
  return { resource, ...(key !== undefined ? { key } : {}), address: `${moduleInstance.address}.${resource.address}${index}`, scope: moduleInstance.scope };
}

export function callRegion(evaluator: Evaluator, call: ModuleCall): RegionResolution {
  return providerRegion(evaluator, callerProviderKey(call, 'aws'));
}

/** A module input evaluated for one instance of the call; `fallback` when not set. */
export function callInput(evaluator: Evaluator, call: ModuleCall, instance: Instance, name: string, fallback?: Value): Value | undefined {
  const attribute = call.inputs.get(name);
  return attribute ? evaluator.evaluate(attribute.expr, instance.scope) : fallback;
}

/** Reads a call instance by instance; a call whose instances cannot be known gets a note. */
export function readCall(evaluator: Evaluator, call: ModuleCall, kind: RegistryModuleKind, read: (instance: Instance, into: RegistryCall) => void): RegistryCall {
  const result: RegistryCall = { call, kind, endpoints: [], natGateways: [], notes: [], unpriced: [] };
  const instances = callInstances(evaluator, call);
  if (!instances.known) {
    result.notes.push(`The instances of module.${call.name} cannot be known (${instances.reason}).`);
    result.unpriced.push({ address: `${evaluator.refs.options.addressPrefix}module.${call.name}`, kind: 'module', reason: `its count/for_each cannot be evaluated (${instances.reason})` });
    return result;
  }
  if (instances.instances.length === 0) result.notes.push(`module.${call.name} has no instances (${instances.source}): it creates nothing.`);
  for (const instance of instances.instances) read(instance, result);
  return result;
}
