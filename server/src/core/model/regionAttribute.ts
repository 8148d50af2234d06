// How generated Terraform reads the region from `data "aws_region"`: `.region` with AWS provider
// v6 and later (where `.name` is deprecated), `.name` before v6 (where `.region` is an error).
// The provider version is not known before `terraform init`; the configuration's version
// constraints tell whether a v6 can be selected. Only when they rule v6 out is it `.name`:
// no constraint, one that admits v6 (`>= 5.0`) or one that cannot be read give `.region`, as
// the rule catalogue asks. Quick fixes and completion both write through this file.
import type { Expr } from '../parse/ast';
import { findAttribute, staticKey } from '../parse/ast';
import type { Resource, TerraformModule } from './module';
import { isReferenceable } from './scope';
import { admitsMajorFrom, parseConstraint, type ConstraintTerm } from './versionConstraints';

export type RegionAttribute = 'name' | 'region';

/** The first AWS provider major release whose `aws_region` data source has `region`. */
const FIRST_MAJOR_WITH_REGION = 6;

/**
 * `name` when the AWS provider constraints of the configuration (the root module and its child
 * modules: Terraform selects one version that meets them all) admit no version from 6 on;
 * `region` otherwise.
 */
export function regionAttribute(configuration: readonly TerraformModule[]): RegionAttribute {
  const terms = configuration.flatMap(awsVersionTerms);
  // Constraints that no version meets make `terraform init` fail; they say nothing about v6.
  if (terms.length === 0 || !admitsMajorFrom(terms, 0)) return 'region';
  return admitsMajorFrom(terms, FIRST_MAJOR_WITH_REGION) ? 'region' : 'name';
}

/**
 * The reference to the module's region data source, read through the attribute its provider
 * has (`data.aws_region.current.region`); undefined when the module has none a new reference
 * can name (one instance, a name an expression can spell).
 */
export function regionDataSourceReference(module: TerraformModule, configuration: readonly TerraformModule[]): string | undefined {
  const data = regionDataSource(module);
  return data ? `${data.address}.${regionAttribute(configuration)}` : undefined;
}

function regionDataSource(module: TerraformModule): Resource | undefined {
  let found = dataSources.get(module);
  if (found === undefined) {
    found = [...module.resources.values()].find((r) => r.mode === 'data' && r.type === 'aws_region' && !r.count && !r.forEach && isReferenceable(r.name)) ?? null;
    dataSources.set(module, found);
  }
  return found ?? undefined;
}

/** Per module version: every fix of an analysis asks, and the search reads every resource. */
const dataSources = new WeakMap<TerraformModule, Resource | null>();

/** The AWS provider version constraints one module writes, as terms; read once per module. */
function awsVersionTerms(module: TerraformModule): ConstraintTerm[] {
  let terms = termsByModule.get(module);
  if (!terms) termsByModule.set(module, (terms = awsVersionConstraints(module).flatMap((text) => parseConstraint(text) ?? [])));
  return terms;
}

const termsByModule = new WeakMap<TerraformModule, ConstraintTerm[]>();

/**
 * The AWS provider version constraints a module writes: `version` of its `required_providers`
 * entry for hashicorp/aws (`aws = { source = "hashicorp/aws", version = "~> 5.0" }`, or the old
 * `aws = "~> 5.0"`), and the legacy `version` argument of a `provider "aws"` block.
 */
export function awsVersionConstraints(module: TerraformModule): string[] {
  const found: string[] = [];
  for (const file of module.files) {
    for (const block of file.body.blocks) {
      if (block.type === 'provider' && block.labels[0] === 'aws') {
        const version = stringValue(findAttribute(block.body, 'version')?.expr);
        if (version !== undefined) found.push(version);
      }
      if (block.type !== 'terraform') continue;
      for (const required of block.body.blocks) {
        if (required.type !== 'required_providers') continue;
        for (const entry of required.body.attributes) {
          const version = awsEntryVersion(entry.name, entry.expr);
          if (version !== undefined) found.push(version);
        }
      }
    }
  }
  return found;
}

/** The version of a `required_providers` entry when it is the AWS provider. */
function awsEntryVersion(localName: string, expr: Expr): string | undefined {
  if (expr.kind !== 'object') return localName === 'aws' ? stringValue(expr) : undefined;
  const item = (key: string) => expr.items.find((i) => staticKey(i.key) === key)?.value;
  const source = stringValue(item('source'));
  const isAws = source === undefined ? localName === 'aws' : /^(?:[^/]+\/)?hashicorp\/aws$/i.test(source.trim());
  return isAws ? stringValue(item('version')) : undefined;
}

/** A string written without interpolation. */
function stringValue(expr: Expr | undefined): string | undefined {
  if (expr?.kind === 'literal') return typeof expr.value === 'string' ? expr.value : undefined;
  return expr?.kind === 'template' ? staticKey(expr) : undefined;
}
