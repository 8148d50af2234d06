// Template values (HCL native syntax spec, "Templates"): interpolations are converted to strings
// (null, collections and objects are errors), `if` directives choose a branch, `for` directives
// repeat their body per element. A template of exactly one interpolation is that value itself,
// unconverted ("Template Interpolation Unwrapping").
import type { TemplatePart } from '../parse/ast';
import { type Evaluate, iterationEntries, iterationScope } from './iteration';
import { asBool } from './operators';
import type { Scope } from './scope';
import { type Unknown, type Value, asString, evalError, firstError, isError, isUnknown, typeName, unknown } from './values';

export function templateValue(parts: readonly TemplatePart[], scope: Scope, evaluate: Evaluate): Value {
  const [only] = parts;
  if (parts.length === 1 && only?.kind === 'interpolation') return evaluate(only.expr, scope);
  return joined(renderParts(parts, scope, evaluate));
}

/** Each part as a string, or the Unknown (or EvalError) that stands for it. */
export function renderParts(parts: readonly TemplatePart[], scope: Scope, evaluate: Evaluate): (string | Unknown)[] {
  return parts.map((part) => {
    if (part.kind === 'text') return part.text;
    if (part.kind === 'interpolation') return interpolated(evaluate(part.expr, scope));
    if (part.directive === 'if') {
      const cond = evaluate(part.cond, scope);
      if (isUnknown(cond)) return isError(cond) ? cond : unknown('a template condition that cannot be known');
      const chosen = asBool(cond);
      if (chosen === null || chosen === undefined) return evalError(`a template condition that is ${cond === null ? 'null' : `a ${typeName(cond)}`}, not a bool`);
      return joined(renderParts(chosen ? part.then : part.else, scope, evaluate));
    }
    const entries = iterationEntries(evaluate(part.collection, scope));
    if (isUnknown(entries)) return entries;
    return joined(entries.flatMap(([k, v]) => renderParts(part.body, iterationScope(scope, part.keyVar, part.valueVar, k, v), evaluate)));
  });
}

/** The string an interpolation inserts. */
function interpolated(v: Value): string | Unknown {
  if (isUnknown(v)) return v;
  if (v === null) return evalError('a null value in a template');
  return asString(v) ?? evalError(`a ${typeName(v)} value in a template, where a string is needed`);
}

/** The pieces joined; an error among them is the result, else the first Unknown. */
function joined(pieces: (string | Unknown)[]): string | Unknown {
  const error = firstError(pieces);
  if (error) return error;
  const pending = pieces.find(isUnknown);
  return pending ? unknown(pending.reason) : (pieces as string[]).join('');
}
