// Terraform's built-in functions: one table (table.ts) and one generic caller (call.ts).
import { type Value, unknown } from '../values';
import { callSpec } from './call';
import type { CallContext } from './spec';
import { FUNCTIONS } from './table';

export type { CallContext } from './spec';

/** Every function the evaluator knows; `try` and `can` are evaluated lazily by the evaluator itself. */
export const FUNCTION_NAMES: readonly string[] = [...Object.keys(FUNCTIONS), 'try', 'can'].sort();

/**
 * Calls a built-in function. A name Terraform does not define is Unknown, not an error:
 * provider-defined functions (`provider::aws::arn_parse`) exist beyond this table.
 */
export function callFunction(name: string, args: readonly Value[], ctx: CallContext = {}): Value {
  const spec = Object.prototype.hasOwnProperty.call(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!spec) return unknown(`${name}() is not a Terraform function`);
  return callSpec(name, spec, args, ctx);
}
