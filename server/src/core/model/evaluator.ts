// The partial evaluator: HCL expressions -> Values, within one module. References resolve
// through references.ts; anything that cannot be known becomes Unknown. Results that do not
// depend on an instance (locals, variables, instance lists) are cached for the evaluator's life,
// which is one analysis of one module version.
import type { Expr, Step, TemplatePart } from '../parse/ast';
import { attributeValue, indexValue } from './access';
import { type Assumption, withAssumptions } from './assumptions';
import { callFunction } from './functions';
import { forExpression } from './iteration';
import type { TerraformModule } from './module';
import { asBool, binaryOperation, logicalOperation, unaryOperation } from './operators';
import type { ReferenceOptions } from './evaluation';
import { References } from './references';
import type { Scope } from './scope';
import { renderParts, templateValue } from './templateValues';
import {
  type MapValue, typeName, type Value, Unknown, asString, evalError, firstError, identityKey, isError, isList, isUnknown, unknown,
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
    return renderParts(parts, scope, this.evaluateBound);
  }

  private readonly evaluateBound = (expr: Expr, scope: Scope): Value => this.evaluate(expr, scope);

  private evaluateInner(expr: Expr, scope: Scope): Value {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'template':
        return templateValue(expr.parts, scope, this.evaluateBound);
      case 'tuple': {
        const items = expr.items.map((item) => this.evaluate(item, scope));
        return firstError(items) ?? items;
      }
      case 'object':
        return this.evaluateObject(expr.items, scope);
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
        return callFunction(expr.name, args, this.refs.functionContext);
      }
      case 'for':
        return forExpression(expr, scope, this.evaluateBound);
      case 'conditional':
        return this.evaluateConditional(expr, scope);
      case 'binary': {
        const left = this.evaluate(expr.left, scope);
        const right = this.evaluate(expr.right, scope);
        return expr.op === '&&' || expr.op === '||' ? logicalOperation(expr.op, left, right) : binaryOperation(expr.op, left, right);
      }
      case 'unary':
        return unaryOperation(expr.op, this.evaluate(expr.operand, scope));
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
    if (step.kind === 'attr') return attributeValue(value, step.name);
    if (step.kind === 'index') return indexValue(value, this.evaluate(step.key, scope));
    // A splat maps its steps over a list, tuple or set; null is no elements; any other value is one.
    if (isUnknown(value)) return unknown(value.reason);
    const items = value === null ? [] : isList(value) ? value : [value];
    const out = items.map((item) => this.applySteps(item, step.steps, scope));
    return firstError(out) ?? out;
  }

  /**
   * `{ k = v }`: a key written as a name is that name (`null`, `true`, `false` too); any other
   * key expression must give a string (numbers and bools convert). A later duplicate wins.
   */
  private evaluateObject(items: Extract<Expr, { kind: 'object' }>['items'], scope: Scope): Value {
    const out: MapValue = new Map();
    let pending: Unknown | undefined;
    for (const item of items) {
      const keyValue = this.objectKey(item.key, scope);
      const value = this.evaluate(item.value, scope);
      if (isError(keyValue)) return keyValue;
      if (isError(value)) return value;
      if (isUnknown(keyValue)) {
        pending ??= unknown('an object key that cannot be known');
        continue;
      }
      const key = asString(keyValue);
      if (key === undefined) return evalError(`an object key that is ${keyValue === null ? 'null' : `a ${typeName(keyValue)}`}, not a string`);
      out.set(key, value);
    }
    return pending ?? out;
  }

  private objectKey(key: Expr, scope: Scope): Value {
    if (key.kind === 'variable') return key.name;
    if (key.kind === 'literal' && key.value === null) return 'null';
    // `{ a.b = 1 }` is ambiguous in HCL: a reference must be parenthesised, a name quoted.
    if (key.kind === 'traversal' && key.base.kind === 'variable') return evalError('an object key written as a reference: put it in parentheses');
    return this.evaluate(key, scope);
  }

  /**
   * Only the selected branch is evaluated (an error in the other is not Terraform's error). The
   * result has the type both branches unify to: a number or bool chosen against a string literal
   * becomes a string (`var.example ? 12 : "hello"`); a number against a bool literal is an error.
   */
  private evaluateConditional(expr: Extract<Expr, { kind: 'conditional' }>, scope: Scope): Value {
    const cond = this.evaluate(expr.cond, scope);
    if (isUnknown(cond)) {
      if (isError(cond)) return cond;
      const a = this.evaluate(expr.then, scope);
      const b = this.evaluate(expr.else, scope);
      const ka = identityKey(a);
      return ka !== undefined && ka === identityKey(b) ? a : unknown('a condition that cannot be known');
    }
    const chosen = asBool(cond);
    if (chosen === null || chosen === undefined) return evalError(`a condition that is ${cond === null ? 'null' : `a ${typeName(cond)}`}, not a bool`);
    const value = this.evaluate(chosen ? expr.then : expr.else, scope);
    return unifiedWith(value, literalType(chosen ? expr.else : expr.then));
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
}

/** The type of an expression that is known without evaluating it: a literal's or a string template's. */
function literalType(expr: Expr): 'string' | 'number' | 'boolean' | undefined {
  if (expr.kind === 'parens') return literalType(expr.inner);
  if (expr.kind === 'literal') return expr.value === null ? undefined : (typeof expr.value as 'string' | 'number' | 'boolean');
  if (expr.kind === 'template') return expr.parts.length === 1 && expr.parts[0]!.kind === 'interpolation' ? undefined : 'string';
  return undefined;
}

/** A primitive converted to the type it unifies to with the other branch's (cty's unification). */
function unifiedWith(value: Value, other: 'string' | 'number' | 'boolean' | undefined): Value {
  if (other === undefined || (typeof value !== 'number' && typeof value !== 'boolean') || typeof value === other) return value;
  if (other === 'string') return asString(value)!;
  return evalError(`the conditional's results are a ${typeof value} and a ${other}, which have no common type`);
}

