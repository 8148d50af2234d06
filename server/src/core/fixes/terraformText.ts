// Terraform text for inserted blocks, written the way the user writes: their indentation unit,
// `=` aligned when their blocks align it, references to their own resources by name.
import type { Block, Expr } from '../parse/ast';
import { referenceParts } from '../parse/ast';
import type { Instance } from '../model/scope';
import { instanceAddress, isReferenceable } from '../model/scope';
import { regionAttribute, regionDataSourceReference } from '../model/regionAttribute';
import type { TerraformModule } from '../model/module';
import { exprText, usesInstanceScope } from './exprText';
import { uniqueName } from './names';
import { groupBy } from '../collections';
import { attributeRuns, blockStyle, runAligns } from './style';

export interface TextStyle {
  unit: string;
  aligned: boolean;
}

const DEFAULT_TEXT_STYLE: TextStyle = { unit: '  ', aligned: true };

/** The style of the first block that shows one; terraform fmt's (aligned `=`) otherwise. */
export function styleOf(blocks: readonly (Block | undefined)[]): TextStyle {
  for (const block of blocks) {
    const aligned = block ? alignment(block) : undefined;
    if (block && aligned !== undefined) return { unit: blockStyle(block).unit, aligned };
  }
  return DEFAULT_TEXT_STYLE;
}

/** Whether a block aligns `=`: a run that aligns says yes, one that does not says no; undefined when no run tells. */
function alignment(block: Block): boolean | undefined {
  let verdict: boolean | undefined;
  for (const run of attributeRuns(block)) {
    const aligns = runAligns(run);
    if (aligns === true) return true;
    if (aligns === false) verdict = false;
  }
  return verdict;
}

/** A top-level block (`resource "aws_vpc_endpoint" "s3" { ... }`), lines joined with `\n`. */
export function blockText(header: string, attributes: readonly (readonly [string, string])[], style: TextStyle): string {
  const width = style.aligned ? Math.max(0, ...attributes.map(([name]) => name.length)) : 0;
  const lines = attributes.map(([name, value]) => `${style.unit}${name}${' '.repeat(Math.max(1, width - name.length + 1))}= ${value}`);
  return [`${header} {`, ...lines, '}'].join('\n');
}

/** `aws_route_table.private[0].id`: the id of one instance, written from inside its module. */
function instanceIdRef(instance: Instance): string {
  return `${instanceAddress(instance.resource.address, instance.key)}.id`;
}

/**
 * The ids of some instances as one expression: `aws_route_table.private[*].id` when they are all
 * of a counted resource, `values(x)[*].id` for all of a for_each, else a list (or a concat).
 */
export function idsExpression(chosen: readonly Instance[], allOf: (address: string) => readonly Instance[]): string | undefined {
  if (chosen.length === 0 || !chosen.every((i) => isReferenceable(i.resource.name))) return undefined;
  const byResource = groupBy(chosen, (instance) => instance.resource.address);
  const lists: string[] = [];
  const singles: string[] = [];
  for (const [address, instances] of byResource) {
    const resource = instances[0]!.resource;
    const everyInstance = allOf(address).every((i) => instances.some((c) => c.address === i.address));
    if (everyInstance && resource.count) lists.push(`${address}[*].id`);
    else if (everyInstance && resource.forEach) lists.push(`values(${address})[*].id`);
    else singles.push(...instances.map(instanceIdRef));
  }
  if (lists.length === 1 && singles.length === 0) return lists[0];
  if (lists.length === 0) return `[${singles.join(', ')}]`;
  return `concat(${[...lists, ...(singles.length > 0 ? [`[${singles.join(', ')}]`] : [])].join(', ')})`;
}

/** An expression copied out of another block, when it can stand alone there. */
export function copiedExpression(expr: Expr | undefined): string | undefined {
  if (!expr || usesInstanceScope(expr)) return undefined;
  return exprText(expr);
}

export interface RegionText {
  /** What goes in `${…}` of a service name: `data.aws_region.current.region`, `var.region`. */
  interpolation: string;
  /** A `data "aws_region"` block to add with the fix, when the module has none. */
  dataSource?: string;
}

/**
 * The region part of a service name the user's way: the interpolation their endpoints already
 * use, else their `data "aws_region"`, else a new one; a data source is read through the
 * attribute the configuration's AWS provider version has (`model/regionAttribute.ts`). A
 * literal region would raise VPCE108. `configuration` is every module of the analysis (root
 * first): Terraform picks one provider version for all of them.
 */
export function regionText(module: TerraformModule, configuration: readonly TerraformModule[]): RegionText {
  let written = writtenRegions.get(module);
  if (written === undefined) writtenRegions.set(module, (written = writtenRegion(module) ?? null));
  if (written !== null) return { interpolation: written };
  const existing = regionDataSourceReference(module, configuration);
  if (existing) return { interpolation: existing };
  const name = uniqueName('current', (n) => module.resources.has(`data.aws_region.${n}`));
  return { interpolation: `data.aws_region.${name}.${regionAttribute(configuration)}`, dataSource: `data "aws_region" "${name}" {}` };
}

/** The interpolation the module's endpoints write, per module version (null: none); every fix of an analysis asks. */
const writtenRegions = new WeakMap<TerraformModule, string | null>();

function writtenRegion(module: TerraformModule): string | undefined {
  for (const resource of module.resources.values()) {
    if (resource.type !== 'aws_vpc_endpoint') continue;
    const name = resource.block.body.attributes.find((a) => a.name === 'service_name')?.expr;
    const found = name?.kind === 'template' ? regionInterpolation(name.parts) : undefined;
    if (found) return found;
  }
  return undefined;
}

function regionInterpolation(parts: Extract<Expr, { kind: 'template' }>['parts']): string | undefined {
  for (let i = 1; i + 1 < parts.length; i++) {
    const [before, part, after] = [parts[i - 1]!, parts[i]!, parts[i + 1]!];
    if (part.kind !== 'interpolation' || before.kind !== 'text' || after.kind !== 'text') continue;
    if (!before.text.endsWith('.') || !after.text.startsWith('.') || before.text.includes('vpce')) continue;
    if (referenceParts(part.expr) && !usesInstanceScope(part.expr)) return exprText(part.expr);
  }
  return undefined;
}

/** A resource name from a service short name (`ecr.dkr` -> `ecr_dkr`), unique in the module. */
export function resourceName(module: TerraformModule, type: string, base: string, reserved: ReadonlySet<string>): string {
  return uniqueName(base.replace(/[^A-Za-z0-9_]/g, '_'), (n) => module.resources.has(`${type}.${n}`) || reserved.has(n));
}
