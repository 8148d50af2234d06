// The one generic caller: checks arity, converts each argument to its parameter's type the way
// Terraform does, rejects nulls where none is allowed (EvalError), answers Unknown when an
// argument the function cannot work with partially is not wholly known, then runs the
// implementation. Conversion errors win over Unknown, as type errors do in Terraform.
import { type Value, evalError, isError, isInstance, isList, isMap, isUnknown, unknown } from '../values';
import { convert } from './convert';
import type { CallContext, FunctionSpec, Param } from './spec';

/** True when the value holds an Unknown or a resource instance (whose attributes are not all known). */
export function hasUnknown(v: Value): boolean {
  if (isUnknown(v) || isInstance(v)) return true;
  if (isList(v)) return v.some(hasUnknown);
  if (isMap(v)) return [...v.values()].some(hasUnknown);
  return false;
}

function arity(spec: FunctionSpec): string {
  const required = spec.params.filter((p) => !p.optional).length;
  if (spec.variadic) return `at least ${required} argument${required === 1 ? '' : 's'}`;
  return required === spec.params.length ? `${required} argument${required === 1 ? '' : 's'}` : `${required} to ${spec.params.length} arguments`;
}

export function callSpec(name: string, spec: FunctionSpec, args: readonly Value[], ctx: CallContext): Value {
  const required = spec.params.filter((p) => !p.optional).length;
  if (args.length < required || (!spec.variadic && args.length > spec.params.length)) {
    return evalError(`${name}() takes ${arity(spec)}, not ${args.length}`);
  }
  const converted: Value[] = [];
  const params: Param[] = [];
  for (const [i, arg] of args.entries()) {
    const p = (spec.params[i] ?? spec.variadic)!;
    if (arg === null && !p.allowNull) return evalError(`${name}(): the "${p.name}" argument must not be null`);
    const value = convert(arg, p.type);
    if (isError(value)) return evalError(`${name}(): invalid "${p.name}" argument: ${value.reason}`);
    converted.push(value);
    params.push(p);
  }
  for (const [i, value] of converted.entries()) {
    if (params[i]!.allowUnknown || !hasUnknown(value)) continue;
    return unknown(`${name}() of a value not known until apply`);
  }
  return spec.impl(converted, ctx);
}
