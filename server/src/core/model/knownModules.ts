// Outputs of registry modules that are understood from their inputs (data/known-modules.json),
// e.g. `module.vpc.private_subnets` has one (unknown) subnet id per `private_subnets` input.
import knownModules from './data/known-modules.json';
import type { Evaluation } from './evaluation';
import type { ModuleCall } from './module';
import type { Instance } from './scope';
import { type InstanceValue, type Value, isList, unknown } from './values';

interface OutputRule {
  onePerElementOf?: string;
  input?: string;
  /** The output is the id of what the call creates: Unknown with the call's own `.id` identity. */
  idOfCall?: boolean;
}

const MODULES: Record<string, { outputs: Record<string, OutputRule> }> = knownModules.modules;

/** The registry source without a version pin or `//subdir` (`terraform-aws-modules/vpc/aws`). */
export function registrySource(source: string | undefined): string | undefined {
  if (!source) return undefined;
  return source.replace(/^registry\.terraform\.io\//, '').split('//')[0]?.split('?')[0];
}

export function knownModuleOutput(evaluator: Evaluation, call: ModuleCall, instance: Instance): Value | undefined {
  const identity = instance.address;
  const source = registrySource(call.source);
  const known = source && !call.source?.includes('//') ? MODULES[source] : undefined;
  if (!known) return undefined;
  // Outputs not described are known only after apply (never an error: the module has them).
  // Cached with the evaluator's values, so that what computing one assumed travels with it.
  return {
    kind: 'instance',
    address: identity,
    get: (name: string) => evaluator.refs.cached(`known-output:${identity}.${name}`, () => {
      const rule = known.outputs[name];
      return rule ? outputValue(evaluator, call, instance, rule, `${identity}.${name}`) : unknown(`${identity}.${name} is known only after apply`, `${identity}.${name}`);
    }),
  } satisfies InstanceValue;
}

function outputValue(evaluator: Evaluation, call: ModuleCall, instance: Instance, rule: OutputRule, identity: string): Value {
  if (rule.idOfCall) {
    const callId = `${identity.slice(0, identity.lastIndexOf('.'))}.id`;
    return unknown(`${identity} is known only after apply`, callId);
  }
  const inputName = rule.onePerElementOf ?? rule.input;
  const input = inputName ? call.inputs.get(inputName) : undefined;
  if (!input) return unknown(`${identity} depends on an input that is not set`, identity);
  const value = evaluator.evaluate(input.expr, instance.scope);
  if (rule.input) return value;
  if (!isList(value)) return unknown(`${identity} depends on an input that cannot be known`, identity);
  return value.map((_, i) => unknown(`${identity}[${i}] is known only after apply`, `${identity}[${i}]`));
}
