// What a reference's root means: var., local., each., count., module., data., a resource, or a
// for-expression variable. Also decides a resource's instances (count / for_each).
import type { Step } from '../parse/ast';
import { type Assumption, closeFrame, openFrame, replay } from './assumptions';
import { dataSourceAttribute } from './dataSources';
import type { Evaluator } from './evaluator';
import { knownModuleOutput } from './knownModules';
import type { ModuleCall, Resource } from './module';
import { MODULE_SCOPE, instanceAddress, type Instance, type Instances, type Scope } from './scope';
import type { RegionResolution } from './region';
import { type InstanceValue, type MapValue, type Value, asString, isList, isMap, isUnknown, unknown } from './values';

export interface ReferenceOptions {
  /** Prefix of every address in this module: '' at the root, `module.net.` in a child. */
  addressPrefix: string;
  /** The `vpceLens.region` setting, used when no provider says. */
  regionSetting?: string;
  /** A calling module's provider regions, for a child module's resources. */
  inheritedProviderRegion?: (providerKey: string) => RegionResolution | undefined;
  /** Reads and evaluates a local child module (`source = "./modules/x"`), if it can. */
  loadChildModule?: (call: ModuleCall, caller: Evaluator) => Evaluator | undefined;
  /** What the calling module assumed to compute each input (module.variableValues) it gives. */
  inputAssumptions?: ReadonlyMap<string, ReadonlySet<Assumption>>;
}

export class References {
  private readonly cache = new Map<string, Value>();
  private readonly inProgress = new Set<string>();
  private readonly instanceCache = new Map<string, Instances>();
  private readonly childModules = new Map<string, Evaluator | undefined>();
  /** The assumptions (assumptions.ts) each cached value rests on, for the few that rest on any. */
  private readonly notes = new Map<string, ReadonlySet<Assumption>>();

  constructor(private readonly evaluator: Evaluator, readonly options: ReferenceOptions) {}

  /**
   * Computes a value once per analysis; guards against reference cycles (a value that depends
   * on itself is Unknown). What computing it assumed is replayed on every hit.
   */
  cached(key: string, compute: () => Value): Value {
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      if (this.notes.size > 0) replay(this.notes.get(key));
      return hit;
    }
    if (this.inProgress.has(key)) return unknown(`reference cycle through ${key}`);
    this.inProgress.add(key);
    const outer = openFrame();
    let value: Value | undefined;
    try {
      value = compute();
      this.cache.set(key, value);
      return value;
    } finally {
      const notes = closeFrame(outer);
      if (notes && value !== undefined) this.notes.set(key, notes);
      this.inProgress.delete(key);
    }
  }

  /** Resolves the root of a traversal, consuming the steps that name it. */
  root(name: string, steps: readonly Step[], scope: Scope): { value: Value; rest: readonly Step[] } {
    const local = scope.vars?.get(name);
    if (local !== undefined) return { value: local, rest: steps };
    const first = steps[0]?.kind === 'attr' ? steps[0].name : undefined;
    const second = steps[1]?.kind === 'attr' ? steps[1].name : undefined;
    switch (name) {
      case 'var':
        return first === undefined ? { value: unknown('var without a name'), rest: [] } : { value: this.variable(first), rest: steps.slice(1) };
      case 'local':
        return first === undefined ? { value: unknown('local without a name'), rest: [] } : { value: this.local(first), rest: steps.slice(1) };
      case 'each':
        if (!scope.each) return { value: unknown('each outside for_each'), rest: [] };
        if (first === 'key') return { value: scope.each.key, rest: steps.slice(1) };
        if (first === 'value') return { value: scope.each.value, rest: steps.slice(1) };
        return { value: unknown('each has only key and value'), rest: [] };
      case 'count':
        if (first === 'index' && scope.countIndex !== undefined) return { value: scope.countIndex, rest: steps.slice(1) };
        return { value: unknown('count.index outside count'), rest: [] };
      case 'module':
        return first === undefined ? { value: unknown('module without a name'), rest: [] } : { value: this.moduleCall(first), rest: steps.slice(1) };
      case 'data': {
        if (first === undefined || second === undefined) return { value: unknown('incomplete data reference'), rest: [] };
        return { value: this.resourceValue(`data.${first}.${second}`), rest: steps.slice(2) };
      }
      case 'path':
      case 'terraform':
      case 'self':
        return { value: unknown(`${name}.* is not evaluated`), rest: [] };
      default:
        if (first === undefined) return { value: unknown(`unknown reference ${name}`), rest: [] };
        return { value: this.resourceValue(`${name}.${first}`), rest: steps.slice(1) };
    }
  }

  variable(name: string): Value {
    return this.cached(`var.${name}`, () => {
      const given = this.evaluator.module.variableValues.get(name);
      if (given !== undefined) {
        replay(this.options.inputAssumptions?.get(name));
        return given;
      }
      const declared = this.evaluator.module.variables.get(name);
      if (declared?.default) return this.evaluator.evaluate(declared.default, MODULE_SCOPE);
      return unknown(declared ? `var.${name} has no default and no value` : `var.${name} is not declared`, `var.${name}`);
    });
  }

  local(name: string): Value {
    return this.cached(`local.${name}`, () => {
      const declared = this.evaluator.module.locals.get(name);
      return declared ? this.evaluator.evaluate(declared.attribute.expr, MODULE_SCOPE) : unknown(`local.${name} is not declared`);
    });
  }

  /** The instances of a resource: one, one per count index, or one per for_each key. */
  instances(resource: Resource): Instances {
    const key = `instances:${resource.address}`;
    const hit = this.instanceCache.get(resource.address);
    if (hit) {
      if (this.notes.size > 0) replay(this.notes.get(key));
      return hit;
    }
    const outer = openFrame();
    let result: Instances | undefined;
    try {
      result = this.computeInstances(resource);
      this.instanceCache.set(resource.address, result);
      return result;
    } finally {
      const notes = closeFrame(outer);
      if (notes && result) this.notes.set(key, notes);
    }
  }

  private computeInstances(resource: Resource): Instances {
    const base = `${this.options.addressPrefix}${resource.address}`;
    if (resource.count) {
      const count = this.cached(`count:${resource.address}`, () => this.evaluator.evaluate(resource.count!, MODULE_SCOPE));
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        return { known: false, reason: isUnknown(count) ? count.reason : 'count is not a whole number' };
      }
      const instances = Array.from({ length: count }, (_, i): Instance => ({ resource, key: i, address: instanceAddress(base, i), scope: { countIndex: i } }));
      return { known: true, instances, source: `count = ${count}` };
    }
    if (resource.forEach) {
      const forEach = this.cached(`for_each:${resource.address}`, () => this.evaluator.evaluate(resource.forEach!, MODULE_SCOPE));
      const entries = forEachEntries(forEach);
      if (isUnknownResult(entries)) return { known: false, reason: entries.reason };
      const instances = entries.map(([key, value]): Instance => ({ resource, key, address: instanceAddress(base, key), scope: { each: { key, value } } }));
      return { known: true, instances, source: `for_each (${instances.length} key${instances.length === 1 ? '' : 's'})` };
    }
    return { known: true, instances: [{ resource, address: base, scope: {} }], source: 'single' };
  }

  /** `aws_subnet.private` as a value: an instance, a list (count) or a map (for_each). */
  resourceValue(address: string): Value {
    const resource = this.evaluator.module.resources.get(address);
    if (!resource) return unknown(`${address} is not declared in this module`, `${this.options.addressPrefix}${address}`);
    const instances = this.instances(resource);
    if (!instances.known) return unknown(instances.reason);
    const values = instances.instances.map((i) => this.instanceValue(i));
    if (resource.count) return values;
    if (resource.forEach) return new Map(instances.instances.map((i, n) => [String(i.key), values[n]!]));
    return values[0] ?? null;
  }

  instanceValue(instance: Instance): InstanceValue {
    return {
      kind: 'instance',
      address: instance.address,
      get: (attribute: string) => this.instanceAttribute(instance, attribute),
    };
  }

  /**
   * An attribute of an instance: its configured value when written and not null (null is an
   * unset argument), else what the provider computes (data sources: dataSources.ts), else
   * known only after apply.
   */
  instanceAttribute(instance: Instance, attribute: string): Value {
    return this.cached(`${instance.address}.${attribute}`, () => {
      const fromData = instance.resource.mode === 'data' ? dataSourceAttribute(this.evaluator, instance, attribute) : undefined;
      if (fromData !== undefined) return fromData;
      const written = attribute === 'count' || attribute === 'for_each' ? undefined : instance.resource.block.body.attributes.find((a) => a.name === attribute);
      const value = written ? this.evaluator.evaluate(written.expr, instance.scope) : null;
      if (value !== null) return value;
      return unknown(`${instance.address}.${attribute} is known only after apply`, `${instance.address}.${attribute}`);
    });
  }

  /** `module.<name>`: the outputs of a local child module, or of a known registry module. */
  moduleCall(name: string): Value {
    const call = this.evaluator.module.moduleCalls.get(name);
    const identity = `${this.options.addressPrefix}module.${name}`;
    if (!call) return unknown(`module.${name} is not declared`, identity);
    const child = this.childModule(call);
    if (child) {
      const outputs: MapValue = new Map();
      for (const [outputName, output] of child.module.outputs) {
        outputs.set(outputName, output.value ? child.refs.cached(`output.${outputName}`, () => child.evaluate(output.value!, MODULE_SCOPE)) : null);
      }
      return outputs;
    }
    return knownModuleOutput(this.evaluator, call, identity) ?? unknown(`outputs of module.${name} are not known`, identity);
  }

  childModule(call: ModuleCall): Evaluator | undefined {
    if (!this.childModules.has(call.name)) {
      this.childModules.set(call.name, undefined); // a module that calls itself ends here
      this.childModules.set(call.name, this.options.loadChildModule?.(call, this.evaluator));
    }
    return this.childModules.get(call.name);
  }
}

type Entries = [string, Value][];

function isUnknownResult(v: Entries | { reason: string; unknown: true }): v is { reason: string; unknown: true } {
  return !Array.isArray(v);
}

/** for_each accepts a map (keys) or a set of strings (each value is its own key). */
function forEachEntries(value: Value): Entries | { reason: string; unknown: true } {
  if (isUnknown(value)) return { reason: value.reason, unknown: true };
  if (isMap(value)) return [...value.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (isList(value)) {
    const keys: string[] = [];
    for (const item of value) {
      const key = asString(item);
      if (key === undefined) return { reason: 'for_each over a set with unknown elements', unknown: true };
      keys.push(key);
    }
    return [...new Set(keys)].sort().map((k) => [k, k]);
  }
  return { reason: 'for_each needs a map or a set of strings', unknown: true };
}
