// What a reference's root means: var., local., each., count., module., data., a resource, or a
// for-expression variable. Also decides a resource's instances (count / for_each).
import { relative } from 'node:path';
import type { Step } from '../parse/ast';
import { type Assumption, closeFrame, openFrame, replay } from './assumptions';
import { dataSourceAttribute } from './dataSources';
import type { CallContext } from './functions';
import type { Evaluation, ReferenceOptions } from './evaluation';
import { inputVariableValue } from './inputVariables';
import { knownModuleOutput } from './knownModules';
import { callAsResource, type ModuleCall, type Resource } from './module';
import { MODULE_LEVEL_SCOPE, instanceAddress, type Instance, type Instances, type Scope } from './scope';
import { type InstanceValue, type MapValue, type Value, asString, evalError, isList, isMap, isUnknown, unknown, sortedEntries } from './values';

export class References {
  private readonly cache = new Map<string, Value>();
  private readonly inProgress = new Set<string>();
  private readonly instanceCache = new Map<string, Instances>();
  /** Child module evaluators by module instance address (`module.ep["ssm"]`). */
  private readonly childModules = new Map<string, Evaluation | undefined>();
  /** The assumptions (assumptions.ts) each cached value rests on, for the few that rest on any. */
  private readonly notes = new Map<string, ReadonlySet<Assumption>>();

  constructor(private readonly evaluator: Evaluation, readonly options: ReferenceOptions) {}

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
        if (!scope.each) return { value: scope.complete ? evalError('each is valid only in a block with for_each') : unknown('each outside for_each'), rest: [] };
        if (first === 'key') return { value: scope.each.key, rest: steps.slice(1) };
        if (first === 'value') return { value: scope.each.value, rest: steps.slice(1) };
        return { value: evalError('each has only key and value'), rest: [] };
      case 'count':
        if (first === 'index' && scope.countIndex !== undefined) return { value: scope.countIndex, rest: steps.slice(1) };
        if (scope.countIndex !== undefined) return { value: evalError('count has only index'), rest: [] };
        return { value: scope.complete ? evalError('count.index is valid only in a block with count') : unknown('count.index outside count'), rest: [] };
      case 'module':
        return first === undefined ? { value: unknown('module without a name'), rest: [] } : { value: this.moduleCall(first), rest: steps.slice(1) };
      case 'data': {
        if (first === undefined || second === undefined) return { value: unknown('incomplete data reference'), rest: [] };
        return { value: this.resourceValue(`data.${first}.${second}`), rest: steps.slice(2) };
      }
      case 'path':
        return { value: this.path(first), rest: steps.slice(1) };
      case 'terraform':
      case 'self':
        return { value: unknown(`${name}.* is not evaluated`), rest: [] };
      default:
        if (first === undefined) return { value: unknown(`unknown reference ${name}`), rest: [] };
        return { value: this.resourceValue(`${name}.${first}`), rest: steps.slice(1) };
    }
  }

  /** `path.module` and `path.root`, relative to the working directory as Terraform gives them. */
  private path(name: string | undefined): Value {
    const root = this.options.rootDir;
    if (root === undefined || (name !== 'module' && name !== 'root')) return unknown(`path.${name ?? ''} is not evaluated`);
    return name === 'root' ? '.' : relative(root, this.evaluator.module.dir) || '.';
  }

  private context?: CallContext;

  /** What built-in functions may read: this module's files, from the root module's directory. */
  get functionContext(): CallContext {
    const { rootDir, readFile, listFiles } = this.options;
    this.context ??= { moduleDir: this.evaluator.module.dir, ...(rootDir ? { rootDir } : {}), ...(readFile ? { readFile } : {}), ...(listFiles ? { listFiles } : {}) };
    return this.context;
  }

  variable(name: string): Value {
    return this.cached(`var.${name}`, () => {
      const given = this.evaluator.module.variableValues.get(name);
      // What the caller assumed to compute this input travels with it.
      if (given !== undefined) replay(this.options.inputAssumptions?.get(name));
      const declared = this.evaluator.module.variables.get(name);
      if (!declared) return given ?? unknown(`var.${name} is not declared`, `var.${name}`);
      const value = inputVariableValue(declared, given, (expr) => this.evaluator.evaluate(expr, MODULE_LEVEL_SCOPE));
      if (value === '' && given === undefined && this.options.placeholderDefaults) {
        return unknown(`var.${name} defaults to "" in a module opened without a caller: a placeholder its callers set`, `var.${name}`);
      }
      return value;
    });
  }

  local(name: string): Value {
    return this.cached(`local.${name}`, () => {
      const declared = this.evaluator.module.locals.get(name);
      return declared ? this.evaluator.evaluate(declared.attribute.expr, MODULE_LEVEL_SCOPE) : unknown(`local.${name} is not declared`);
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
      const count = this.cached(`count:${resource.address}`, () => this.evaluator.evaluate(resource.count!, MODULE_LEVEL_SCOPE));
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
        return { known: false, reason: isUnknown(count) ? count.reason : 'count is not a whole number' };
      }
      const instances = Array.from({ length: count }, (_, i): Instance => ({ resource, key: i, address: instanceAddress(base, i), scope: { countIndex: i, complete: true } }));
      return { known: true, instances, source: `count = ${count}` };
    }
    if (resource.forEach) {
      const forEach = this.cached(`for_each:${resource.address}`, () => this.evaluator.evaluate(resource.forEach!, MODULE_LEVEL_SCOPE));
      const entries = forEachEntries(forEach);
      if (isUnknownResult(entries)) return { known: false, reason: entries.reason };
      const instances = entries.map(([key, value]): Instance => ({ resource, key, address: instanceAddress(base, key), scope: { each: { key, value }, complete: true } }));
      return { known: true, instances, source: `for_each (${instances.length} key${instances.length === 1 ? '' : 's'})` };
    }
    return { known: true, instances: [{ resource, address: base, scope: { complete: true } }], source: 'single' };
  }

  /** `aws_subnet.private` as a value: an instance, a list (count) or a map (for_each). */
  resourceValue(address: string): Value {
    // Built once per analysis: every reference to the resource reads the same value.
    return this.cached(`resource:${address}`, () => {
      const resource = this.evaluator.module.resources.get(address);
      if (!resource) return unknown(`${address} is not declared in this module`, `${this.options.addressPrefix}${address}`);
      const instances = this.instances(resource);
      if (!instances.known) return unknown(instances.reason);
      return byInstanceKeys(resource, instances.instances, instances.instances.map((i) => this.instanceValue(i)));
    });
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

  /**
   * `module.<name>`: the outputs of a child module whose code is read (local or downloaded), else
   * of a known registry module. With count it is a list of instances' outputs, with for_each a
   * map by key, as Terraform gives it.
   */
  moduleCall(name: string): Value {
    return this.cached(`module:${name}`, () => {
      const call = this.evaluator.module.moduleCalls.get(name);
      const identity = `${this.options.addressPrefix}module.${name}`;
      if (!call) return unknown(`module.${name} is not declared`, identity);
      const instances = this.moduleInstances(call);
      if (!instances.known) return unknown(`the instances of module.${name} cannot be known (${instances.reason})`, identity);
      return byInstanceKeys(call, instances.instances, instances.instances.map((instance) => this.moduleInstanceOutputs(call, instance)));
    });
  }

  private moduleInstanceOutputs(call: ModuleCall, instance: Instance): Value {
    const child = this.childModule(call, instance);
    if (child) {
      const outputs: MapValue = new Map();
      for (const [outputName, output] of child.module.outputs) {
        outputs.set(outputName, output.value ? child.refs.cached(`output.${outputName}`, () => child.evaluate(output.value!, MODULE_LEVEL_SCOPE)) : null);
      }
      return outputs;
    }
    return knownModuleOutput(this.evaluator, call, instance) ?? unknown(`outputs of ${instance.address} are not known`, instance.address);
  }

  /** The instances of a module call: one, one per count index, or one per for_each key. */
  moduleInstances(call: ModuleCall): Instances {
    return this.instances(callAsResource(call));
  }

  /** The evaluated child module of one instance of a call, if its code can be read. */
  childModule(call: ModuleCall, instance: Instance): Evaluation | undefined {
    if (!this.childModules.has(instance.address)) {
      this.childModules.set(instance.address, undefined); // a module that calls itself ends here
      this.childModules.set(instance.address, this.options.loadChildModule?.(call, this.evaluator, instance));
    }
    return this.childModules.get(instance.address);
  }

  /** True when some instance of the call was read from its code (not a built-in model). */
  hasChildCode(call: ModuleCall): boolean {
    const instances = this.moduleInstances(call);
    return instances.known && instances.instances.some((instance) => this.childModule(call, instance) !== undefined);
  }
}

/** A resource's or module call's value from its instances': a list under count, a map under for_each, else the one. */
function byInstanceKeys(owner: { count?: unknown; forEach?: unknown }, instances: readonly Instance[], values: Value[]): Value {
  if (owner.count) return values;
  if (owner.forEach) return new Map(instances.map((instance, i) => [String(instance.key), values[i]!]));
  return values[0] ?? null;
}

type Entries = [string, Value][];

function isUnknownResult(v: Entries | { reason: string; unknown: true }): v is { reason: string; unknown: true } {
  return !Array.isArray(v);
}

/** for_each accepts a map (keys) or a set of strings (each value is its own key). */
function forEachEntries(value: Value): Entries | { reason: string; unknown: true } {
  if (isUnknown(value)) return { reason: value.reason, unknown: true };
  if (isMap(value)) return sortedEntries(value);
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
