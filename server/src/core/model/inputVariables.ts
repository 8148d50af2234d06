// The value of an input variable inside its module, as Terraform decides it: the value given
// (tfvars or the calling module's argument) or else the default, converted to the variable's
// type with optional() defaults filled in, and `nullable = false` turning null into the default.
import type { Expr } from '../parse/ast';
import type { Variable } from './module';
import { ANY } from './typeConstraints';
import { convertValue } from './typeConversion';
import { type Value, evalError, isError, unknown } from './values';

/**
 * `given` is undefined when nothing sets the variable (an explicit null is a value). `evaluate`
 * evaluates the variable's default and optional() defaults.
 */
export function inputVariableValue(variable: Variable, given: Value | undefined, evaluate: (expr: Expr) => Value): Value {
  const name = `var.${variable.name}`;
  const type = variable.type ?? ANY;
  if ('invalid' in type) return evalError(`${name} has an invalid type constraint: ${type.invalid}`);
  const convert = (v: Value) => convertValue(v, type, evaluate);

  // Terraform checks the default against the type when it loads the module, whatever is given.
  const written = variable.default ? evaluate(variable.default) : undefined;
  const fallback = written === undefined ? undefined : convert(written);
  if (fallback !== undefined && isError(fallback)) return written !== undefined && isError(written) ? fallback : evalError(`the default of ${name} does not fit its type: ${fallback.reason}`);
  if (fallback === null && !variable.nullable) return evalError(`${name} has a null default but nullable = false`);

  // A default of null is a value (null), not the absence of a default.
  if (given === undefined) return fallback !== undefined ? fallback : unknown(`${name} has no default and no value`, name);
  if (isError(given)) return given;
  const value = convert(given);
  if (isError(value)) return evalError(`the value of ${name} does not fit its type: ${value.reason}`);
  // An explicit null stays null unless the variable is not nullable, which then takes its default.
  if (value === null && !variable.nullable) return fallback ?? evalError(`${name} may not be null (nullable = false) and has no default`);
  return value;
}
