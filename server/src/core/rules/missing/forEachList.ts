// The list literal a `for_each` endpoint set is made from, so a fix can add a service to the
// list instead of adding blocks: `toset(local.interface_endpoints)`, `toset(var.services)` (the
// variable's default, or the calling module's input), `toset(["ssm", "ec2messages"])`; or the
// map literal (`{ ssm = { private_dns = true }, ... }`) when all its entries are written alike,
// so that a new entry can be written the same way.
import type { EvaluatedModule } from '../../analysis';
import type { EndpointView } from '../../model/endpoints';
import type { Expr, HclFile } from '../../parse/ast';
import { referenceParts, staticKey } from '../../parse/ast';
import { exprText } from '../../fixes/exprText';
import { fileOf } from '../moduleFiles';

type TupleExpr = Extract<Expr, { kind: 'tuple' }>;
type ObjectExpr = Extract<Expr, { kind: 'object' }>;

export type ListSite =
  | { kind: 'list'; file: HclFile; list: TupleExpr }
  /** `value`: the text every entry's value has, which a new entry copies. */
  | { kind: 'map'; file: HclFile; map: ObjectExpr; value: string };

const MAX_DEPTH = 12;
/** Functions whose result holds the elements of their (last) argument. */
const PASS_THROUGH = new Set(['toset', 'tolist', 'distinct', 'sort', 'compact', 'concat', 'setunion']);

/**
 * The list behind the endpoints of one `for_each` resource, when each key is the service's short
 * name (so a new element makes an endpoint for that service) and the list holds only strings.
 */
export function forEachListSite(modules: readonly EvaluatedModule[], module: EvaluatedModule, endpoints: readonly EndpointView[]): ListSite | undefined {
  const resource = endpoints[0]?.resource;
  if (!resource?.forEach || resource.block.type !== 'resource') return undefined;
  const mine = module.endpoints.filter((e) => e.resource === resource);
  const keyed = mine.length > 0 && mine.every((e) => e.service.kind === 'aws' && e.instance.key === e.service.shortName);
  return keyed ? follow(modules, module, resource.forEach, resource.file, 0) : undefined;
}

function follow(modules: readonly EvaluatedModule[], module: EvaluatedModule, expr: Expr, file: string, depth: number): ListSite | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (expr.kind) {
    case 'tuple': {
      const strings = expr.items.every((item) => (item.kind === 'literal' && typeof item.value === 'string') || (item.kind === 'template' && staticKey(item) !== undefined));
      const hcl = fileOf(module, file);
      return strings && hcl ? { kind: 'list', file: hcl, list: expr } : undefined;
    }
    case 'object': {
      const values = new Set(expr.items.map((item) => (staticKey(item.key) === undefined ? undefined : exprText(item.value))));
      const value = values.size === 1 ? [...values][0] : undefined;
      const hcl = fileOf(module, file);
      return value !== undefined && hcl ? { kind: 'map', file: hcl, map: expr, value } : undefined;
    }
    case 'parens':
      return follow(modules, module, expr.inner, file, depth + 1);
    case 'call': {
      const last = expr.args.at(-1);
      return PASS_THROUGH.has(expr.name) && last && !expr.expandFinal ? follow(modules, module, last, file, depth + 1) : undefined;
    }
    case 'variable':
    case 'traversal':
      return followReference(modules, module, expr, depth);
    default:
      return undefined;
  }
}

function followReference(modules: readonly EvaluatedModule[], module: EvaluatedModule, expr: Expr, depth: number): ListSite | undefined {
  const parts = referenceParts(expr);
  if (!parts || parts.length !== 2 || (expr.kind === 'traversal' && expr.steps.length !== 1)) return undefined;
  const [root, name] = parts as [string, string];
  const tf = module.evaluator.module;
  if (root === 'local') {
    const local = tf.locals.get(name);
    return local ? follow(modules, module, local.attribute.expr, local.file, depth + 1) : undefined;
  }
  if (root !== 'var') return undefined;
  if (tf.variableValues.has(name)) {
    // A child module's input: follow it in the calling module. A tfvars value is not ours to edit.
    const caller = callerOf(modules, module);
    const input = caller?.call.inputs.get(name);
    return caller && input ? follow(modules, caller.module, input.expr, caller.call.file, depth + 1) : undefined;
  }
  const variable = tf.variables.get(name);
  return variable?.default ? follow(modules, module, variable.default, variable.file, depth + 1) : undefined;
}

function callerOf(modules: readonly EvaluatedModule[], child: EvaluatedModule) {
  for (const module of modules) {
    for (const call of module.evaluator.module.moduleCalls.values()) {
      if (`${module.prefix}module.${call.name}.` === child.prefix) return { module, call };
    }
  }
  return undefined;
}
