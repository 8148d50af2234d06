// The partial evaluator: HCL expressions -> Values, within one module. References resolve
// through references.ts; anything that cannot be known becomes Unknown. Results that do not
// depend on an instance (locals, variables, instance lists) are cached for the evaluator's life,
// which is one analysis of one module version.
import type { Expr, Step, TemplatePart } from '../parse/ast';
import { staticKey } from '../parse/ast';
import { type Assumption, withAssumptions } from './assumptions';
import { callFunction } from './functions';
import type { TerraformModule } from './module';
import { References, type ReferenceOptions } from './references';
import type { Scope } from './scope';
import {
  type MapValue, typeName, type Value, Unknown, asNumber, asString, evalError, firstError, identityKey, isError, isInstance, isList, isMap,
  isUnknown, sortedEntries, unknown,
} from './values';

const MAX_DEPTH = 200;

export class Evaluator {
  readonly refs: References;
  private depth = 0;

  constructor(readonly module: TerraformModule, options: ReferenceOptions) {
    this.refs = new References(this, options);
  }

  evaluate(expr: Expr, scope: Scope): Value {
    if (this.depth > MAX_DEPTH) return unknown('expression nested too deeply');
    this.depth++;
    try {
      return this.evaluateInner(expr, scope);
    } finally {
      this.depth--;
    }
  }

  /** What `compute` returns, with the assumptions (assumptions.ts) the values it read rest on. */
  withAssumptions<T>(compute: () => T): { value: T; assumptions: readonly Assumption[] } {
    return withAssumptions(compute);
  }

  /** A template's parts, each a string or an Unknown (or EvalError): lets callers read known pieces of a name. */
  templateParts(parts: readonly TemplatePart[], scope: Scope): (string | Unknown)[] {
    return parts.map((part) => {
      if (part.kind === 'text') return part.text;
      if (part.kind === 'directive') return unknown('template directives are not evaluated');
      const v = this.evaluate(part.expr, scope);
      if (isUnknown(v)) return v;
      if (v === null) return evalError('a null value in a template');
      return asString(v) ?? evalError(`a ${typeName(v)} value in a template, where a string is needed`);
    });
  }

  private evaluateInner(expr: Expr, scope: Scope): Value {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template': {
        const parts = this.templateParts(expr.parts, scope);
        const u = firstError(parts) ?? parts.find(isUnknown);
        return u ? (isError(u) ? u : unknown(u.reason)) : (parts as string[]).join('');
      }
      case 'tuple': {
        const items = expr.items.map((item) => this.evaluate(item, scope));
        return firstError(items) ?? items;
      }
      case 'object': {
        const out: MapValue = new Map();
        for (const item of expr.items) {
          const keyValue = item.key.kind === 'variable' ? item.key.name : staticKey(item.key) ?? this.evaluate(item.key, scope);
          if (isError(keyValue)) return keyValue;
          const key = asString(keyValue);
          if (key === undefined) return isUnknown(keyValue) ? unknown('an object key that cannot be known') : evalError('an object key that is not a string');
          const value = this.evaluate(item.value, scope);
          if (isError(value)) return value;
          out.set(key, value);
        }
        return out;
      }
      case 'variable':
        return this.refs.root(expr.name, [], scope).value;
      case 'traversal': {
        if (expr.base.kind === 'variable') {
          const { value, rest } = this.refs.root(expr.base.name, expr.steps, scope);
          return this.applySteps(value, rest, scope);
        }
        return this.applySteps(this.evaluate(expr.base, scope), expr.steps, scope);
      }
      case 'call': {
        if (expr.name === 'try') return this.evaluateTry(expr.args, scope);
        if (expr.name === 'can') return this.evaluateCan(expr.args, scope);
        const args = expr.args.map((a) => this.evaluate(a, scope));
        const error = firstError(args);
        if (error) return error;
        if (expr.expandFinal) {
          const last = args.pop();
          if (last === undefined || isUnknown(last)) return unknown(`${expr.name}(...) with an unknown final argument`);
          if (!isList(last)) return evalError(`${expr.name}(...): the expanded argument is not a list`);
          args.push(...last);
        }
        return callFunction(expr.name, args);
      }
      case 'for':
        return this.evaluateFor(expr, scope);
      case 'conditional': {
        // Only the selected branch is evaluated: an error in the other one is not Terraform's error.
        const cond = this.evaluate(expr.cond, scope);
        if (cond === true || cond === 'true') return this.evaluate(expr.then, scope);
        if (cond === false || cond === 'false') return this.evaluate(expr.else, scope);
        if (isError(cond)) return cond;
        if (!isUnknown(cond)) return evalError(`a condition that is ${cond === null ? 'null' : `a ${typeName(cond)}`}, not a bool`);
        const a = this.evaluate(expr.then, scope);
        const b = this.evaluate(expr.else, scope);
        const ka = identityKey(a);
        return ka !== undefined && ka === identityKey(b) ? a : unknown('a condition that cannot be known');
      }
      case 'binary':
        return this.evaluateBinary(expr.op, expr.left, expr.right, scope);
      case 'unary': {
        const v = this.evaluate(expr.operand, scope);
        if (isError(v)) return v;
        if (expr.op === '!') return typeof v === 'boolean' ? !v : isUnknown(v) ? unknown('negation of an unknown value') : evalError('! of a value that is not a bool');
        const n = asNumber(v);
        return n !== undefined ? -n : isUnknown(v) ? unknown('minus of an unknown value') : evalError('- of a value that is not a number');
      }
      case 'parens':
        return this.evaluate(expr.inner, scope);
      case 'invalid':
        return unknown('an expression that does not parse');
    }
  }

  applySteps(value: Value, steps: readonly Step[], scope: Scope): Value {
    let current = value;
    for (const step of steps) {
      current = this.applyStep(current, step, scope);
    }
    return current;
  }

  private applyStep(value: Value, step: Step, scope: Scope): Value {
    if (isError(value)) return value;
    if (step.kind === 'splat') {
      if (isUnknown(value)) return unknown(value.reason);
      if (value === null) return [];
      const items = isList(value) ? value : [value];
      const out = items.map((item) => this.applySteps(item, step.steps, scope));
      return firstError(out) ?? out;
    }
    const key = step.kind === 'attr' ? step.name : this.evaluate(step.key, scope);
    if (isError(key)) return key;
    if (isUnknown(key)) return unknown('an index that cannot be known');
    if (isUnknown(value)) {
      const k = asString(key);
      return unknown(value.reason, value.identity && k !== undefined ? `${value.identity}${step.kind === 'attr' ? `.${k}` : `[${JSON.stringify(key)}]`}` : undefined);
    }
    if (isInstance(value)) {
      const name = asString(key);
      return name === undefined ? unknown('an attribute name that cannot be known') : value.get(name);
    }
    if (isMap(value)) {
      const name = asString(key);
      if (name === undefined) return unknown('a map key that cannot be known');
      return value.has(name) ? (value.get(name) as Value) : evalError(`no key or attribute "${name}"`);
    }
    if (isList(value)) {
      const index = asNumber(key);
      if (index === undefined || !Number.isInteger(index)) return evalError('a list index that is not a whole number');
      return index >= 0 && index < value.length ? (value[index] as Value) : evalError(`index ${index} out of range`);
    }
    return evalError(`no attribute "${String(key)}" on a ${value === null ? 'null' : typeof value} value`);
  }

  private evaluateFor(expr: Extract<Expr, { kind: 'for' }>, scope: Scope): Value {
    const collection = this.evaluate(expr.collection, scope);
    if (isError(collection)) return collection;
    if (isUnknown(collection)) return unknown(collection.reason);
    let entries: [Value, Value][];
    if (isList(collection)) entries = collection.map((v, i) => [i, v]);
    else if (isMap(collection)) entries = sortedEntries(collection);
    else if (isInstance(collection)) entries = [[0, collection]];
    else return evalError('a for expression over a value that is not a collection');
    const listOut: Value[] = [];
    const mapOut: MapValue = new Map();
    for (const [k, v] of entries) {
      const vars = new Map(scope.vars ?? []);
      if (expr.keyVar !== undefined) vars.set(expr.keyVar, k);
      vars.set(expr.valueVar, v);
      const inner: Scope = { ...scope, vars };
      if (expr.cond) {
        const keep = this.evaluate(expr.cond, inner);
        if (keep === false) continue;
        if (isError(keep)) return keep;
        if (keep !== true) return unknown('a for-expression condition that cannot be known');
      }
      const value = this.evaluate(expr.valueExpr, inner);
      if (isError(value)) return value;
      if (!expr.object || !expr.keyExpr) {
        listOut.push(value);
        continue;
      }
      const keyValue = this.evaluate(expr.keyExpr, inner);
      if (isError(keyValue)) return keyValue;
      const key = asString(keyValue);
      if (key === undefined) return unknown('a for-expression key that cannot be known');
      if (expr.grouping) {
        const group = mapOut.get(key);
        if (isList(group ?? null)) (group as Value[]).push(value);
        else mapOut.set(key, [value]);
      } else mapOut.set(key, value);
    }
    return expr.object ? mapOut : listOut;
  }

  /**
   * `try(a, b, ...)`: the first argument that evaluates without an error. An Unknown argument
   * gives itself (it may still fail after apply, so nothing later is chosen in its place).
   */
  private evaluateTry(args: readonly Expr[], scope: Scope): Value {
    let last: Value = evalError('try() needs at least one argument');
    for (const arg of args) {
      last = this.evaluate(arg, scope);
      if (!isError(last)) return last;
    }
    return evalError(`no argument of try() could be evaluated (last: ${(last as Unknown).reason})`);
  }

  /** `can(x)`: false when evaluating x fails, true when it succeeds, Unknown while x is. */
  private evaluateCan(args: readonly Expr[], scope: Scope): Value {
    if (args.length !== 1) return evalError('can() takes exactly one argument');
    const value = this.evaluate(args[0]!, scope);
    if (isError(value)) return false;
    return isUnknown(value) ? unknown(`can() of an unknown value: ${value.reason}`) : true;
  }

  private evaluateBinary(op: string, leftExpr: Expr, rightExpr: Expr, scope: Scope): Value {
    const left = this.evaluate(leftExpr, scope);
    if (isError(left)) return left;
    if (op === '&&' && left === false) return false;
    if (op === '||' && left === true) return true;
    const right = this.evaluate(rightExpr, scope);
    if (isError(right)) return right;
    if (op === '&&' || op === '||') {
      if (typeof left === 'boolean' && typeof right === 'boolean') return op === '&&' ? left && right : left || right;
      if (op === '&&' && right === false) return false;
      if (op === '||' && right === true) return true;
      return unknown('a condition that cannot be known');
    }
    if (op === '==' || op === '!=') {
      const a = identityKey(left);
      const b = identityKey(right);
      if (a === undefined || b === undefined) return unknown('a comparison of unknown values');
      return op === '==' ? a === b : a !== b;
    }
    const a = asNumber(left);
    const b = asNumber(right);
    if (a === undefined || b === undefined) return unknown(`arithmetic on unknown values`);
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return b === 0 ? unknown('division by zero') : a / b;
      case '%': return b === 0 ? unknown('modulo by zero') : a % b;
      case '<': return a < b;
      case '>': return a > b;
      case '<=': return a <= b;
      case '>=': return a >= b;
      default: return unknown(`operator ${op} is not evaluated`);
    }
  }
}

export { Unknown };
