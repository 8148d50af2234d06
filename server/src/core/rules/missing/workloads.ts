// Finds the workload signals of data/workload-signals.json in the analysed modules: which
// resource shows it, where (the smallest construct), and which subnets the workload runs in.
import type { EvaluatedModule, ModuleAnalysis } from '../../analysis';
import type { Resource } from '../../model/module';
import { MODULE_SCOPE, type Instance } from '../../model/scope';
import { referenceList, referencedAddresses } from '../../model/viewHelpers';
import type { Attribute, Body, Expr } from '../../parse/ast';
import { referenceParts, staticKey } from '../../parse/ast';
import { exprText } from '../../fixes/exprText';
import type { Range } from '../../types';
import { readWorkloadData, type WorkloadSignal } from './workloadData';

export interface WorkloadUse {
  signal: WorkloadSignal;
  module: EvaluatedModule;
  /** Full address of the resource (`module.app.aws_ecs_task_definition.api`). */
  address: string;
  file: string;
  range: Range;
  /** Addresses of the subnets it runs in; undefined when they cannot be told. */
  subnets: string[] | undefined;
}

const MAX_DEPTH = 16;

export function workloadUses(analysis: ModuleAnalysis): WorkloadUse[] {
  const data = readWorkloadData();
  const uses: WorkloadUse[] = [];
  for (const module of analysis.modules) {
    for (const resource of module.evaluator.module.resources.values()) {
      if (resource.mode !== 'managed') continue;
      const signals = data.signals.filter((s) => s.resourceType === resource.type);
      if (signals.length === 0) continue;
      const instances = module.evaluator.refs.instances(resource);
      const first = instances.known ? instances.instances[0] : undefined;
      if (!first) continue; // no instance (count = 0), or none that can be known: no signal
      for (const signal of signals) {
        const range = signalRange(module, first, signal);
        if (!range) continue;
        uses.push({ signal, module, address: `${module.prefix}${resource.address}`, file: resource.file, range, subnets: subnetsOf(module, resource) });
      }
    }
  }
  return uses;
}

function signalRange(module: EvaluatedModule, instance: Instance, signal: WorkloadSignal): Range | undefined {
  const body = instance.resource.block.body;
  if (signal.path && signal.equals !== undefined) {
    const attribute = nestedAttribute(body, signal.path);
    return attribute && module.evaluator.evaluate(attribute.expr, instance.scope) === signal.equals ? attribute.range : undefined;
  }
  const attribute = signal.attribute ? body.attributes.find((a) => a.name === signal.attribute) : undefined;
  return attribute && signal.key && signal.pattern ? findKeyed(module, attribute.expr, signal.key, signal.pattern, 0) : undefined;
}

/** The object item `key = value` (or `"key": "value"` in JSON text) whose value matches. */
function findKeyed(module: EvaluatedModule, expr: Expr, key: string, pattern: RegExp, depth: number): Range | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = (e: Expr) => findKeyed(module, e, key, pattern, depth + 1);
  switch (expr.kind) {
    case 'object':
      for (const item of expr.items) {
        if (staticKey(item.key) === key && pattern.test(valueText(item.value))) return item.range;
        const found = inner(item.value);
        if (found) return found;
      }
      return undefined;
    case 'tuple':
    case 'call':
      return firstFound(expr.kind === 'tuple' ? expr.items : expr.args, inner);
    case 'parens':
      return inner(expr.inner);
    case 'conditional':
      return firstFound([expr.then, expr.else], inner);
    case 'for':
      return inner(expr.valueExpr);
    case 'literal':
    case 'template': {
      const json = new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'g');
      for (const match of valueText(expr).matchAll(json)) if (pattern.test(match[1]!)) return expr.range;
      return undefined;
    }
    case 'variable':
    case 'traversal': {
      const parts = referenceParts(expr);
      const local = parts?.[0] === 'local' && parts.length === 2 ? module.evaluator.module.locals.get(parts[1]!) : undefined;
      return local ? inner(local.attribute.expr) : undefined;
    }
    default:
      return undefined;
  }
}

function firstFound(items: readonly Expr[], find: (e: Expr) => Range | undefined): Range | undefined {
  for (const item of items) {
    const found = find(item);
    if (found) return found;
  }
  return undefined;
}

/** A value as text to match: a string's content, interpolations written as `${ref}`. */
function valueText(expr: Expr): string {
  if (expr.kind === 'literal') return typeof expr.value === 'string' ? expr.value : String(expr.value);
  if (expr.kind === 'template') return expr.parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'interpolation' ? `\${${exprText(p.expr) ?? ''}}` : '')).join('');
  return exprText(expr) ?? '';
}

function nestedAttribute(body: Body, path: readonly string[]): Attribute | undefined {
  let current: Body | undefined = body;
  for (const blockType of path.slice(0, -1)) current = current?.blocks.find((b) => b.type === blockType)?.body;
  return current?.attributes.find((a) => a.name === path.at(-1));
}

/** The subnets a workload runs in, through the resource that places it (`aws_ecs_service`) or its own. */
function subnetsOf(module: EvaluatedModule, resource: Resource): string[] | undefined {
  const placement = readWorkloadData().placement[resource.type];
  if (!placement) return undefined;
  const evaluator = module.evaluator;
  const placing = placement.via
    ? [...evaluator.module.resources.values()].filter((r) => {
        const reference = r.type === placement.via!.resourceType ? r.block.body.attributes.find((a) => a.name === placement.via!.reference) : undefined;
        return reference !== undefined && referencedAddresses(reference.expr).includes(resource.address);
      })
    : [resource];
  if (placing.length === 0) return undefined;
  const subnets: string[] = [];
  for (const placer of placing) {
    const instances = evaluator.refs.instances(placer);
    if (!instances.known) return undefined;
    for (const instance of instances.instances) {
      const attribute = nestedAttribute(placer.block.body, placement.subnets);
      const list = attribute ? referenceList(evaluator.evaluate(attribute.expr, instance.scope ?? MODULE_SCOPE)) : undefined;
      if (!list || list.keys.some((k) => k === undefined)) return undefined;
      subnets.push(...(list.keys as string[]));
    }
  }
  return subnets;
}
