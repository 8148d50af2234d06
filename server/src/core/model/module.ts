// A Terraform module: every *.tf file of one directory, gathered into resources, data sources,
// variables, locals, providers and module calls. Every element keeps its block and file.
import type { Attribute, Block, Expr, HclFile } from '../parse/ast';
import { findAttribute, metaArgument, referenceParts } from '../parse/ast';
import { type TypeConstraint, parseTypeConstraint } from './typeConstraints';
import type { Value } from './values';

export interface Resource {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `aws_vpc_endpoint.s3` or `data.aws_region.current` (without a module prefix). */
  address: string;
  block: Block;
  file: string;
  count?: Expr;
  forEach?: Expr;
  /** Provider configuration key: `aws` or `aws.<alias>`. */
  provider: string;
}

export interface Variable {
  name: string;
  block: Block;
  file: string;
  default?: Expr;
  /** The `type` constraint, or why Terraform rejects it; undefined when none is written (any). */
  type?: TypeConstraint | { invalid: string };
  /** False only when written `nullable = false`: then null takes the default. */
  nullable: boolean;
}

interface Local {
  name: string;
  attribute: Attribute;
  file: string;
}

interface ProviderConfig {
  /** `aws` or `aws.<alias>`. */
  key: string;
  block: Block;
  file: string;
}

export interface ModuleCall {
  name: string;
  block: Block;
  file: string;
  source?: string;
  inputs: Map<string, Attribute>;
  count?: Expr;
  forEach?: Expr;
}

interface Output {
  name: string;
  value?: Expr;
  block: Block;
  file: string;
}

export interface TerraformModule {
  dir: string;
  files: HclFile[];
  resources: Map<string, Resource>;
  variables: Map<string, Variable>;
  locals: Map<string, Local>;
  providers: Map<string, ProviderConfig>;
  moduleCalls: Map<string, ModuleCall>;
  outputs: Map<string, Output>;
  /** Values from *.tfvars files (or a calling module's inputs), by variable name. */
  variableValues: Map<string, Value>;
}

const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'providers', 'depends_on', 'lifecycle', 'source', 'version']);

export function buildModule(dir: string, files: HclFile[], variableValues: Map<string, Value> = new Map()): TerraformModule {
  const module: TerraformModule = {
    dir, files, variableValues,
    resources: new Map(), variables: new Map(), locals: new Map(), providers: new Map(), moduleCalls: new Map(), outputs: new Map(),
  };
  for (const file of files) {
    for (const block of file.body.blocks) addBlock(module, block, file.path);
  }
  return module;
}

function addBlock(module: TerraformModule, block: Block, file: string): void {
  const [first, second] = block.labels;
  switch (block.type) {
    case 'resource':
    case 'data': {
      if (first === undefined || second === undefined) return;
      const mode = block.type === 'data' ? 'data' : 'managed';
      const address = mode === 'data' ? `data.${first}.${second}` : `${first}.${second}`;
      if (module.resources.has(address)) return; // a duplicate is Terraform's error to report; keep the first
      const count = metaArgument(block, 'count')?.expr;
      const forEach = metaArgument(block, 'for_each')?.expr;
      module.resources.set(address, {
        mode, type: first, name: second, address, block, file,
        ...(count ? { count } : {}),
        ...(forEach ? { forEach } : {}),
        provider: providerKey(metaArgument(block, 'provider')?.expr, first),
      });
      return;
    }
    case 'variable': {
      if (first === undefined) return;
      const def = findAttribute(block.body, 'default')?.expr;
      const type = findAttribute(block.body, 'type')?.expr;
      const nullable = findAttribute(block.body, 'nullable')?.expr;
      module.variables.set(first, {
        name: first, block, file,
        ...(def ? { default: def } : {}),
        ...(type ? { type: parseTypeConstraint(type) } : {}),
        nullable: !(nullable?.kind === 'literal' && nullable.value === false),
      });
      return;
    }
    case 'locals':
      for (const attribute of block.body.attributes) module.locals.set(attribute.name, { name: attribute.name, attribute, file });
      return;
    case 'provider': {
      if (first === undefined) return;
      const alias = findAttribute(block.body, 'alias')?.expr;
      const aliasName = alias?.kind === 'literal' && typeof alias.value === 'string' ? alias.value : undefined;
      const key = aliasName ? `${first}.${aliasName}` : first;
      module.providers.set(key, { key, block, file });
      return;
    }
    case 'module': {
      if (first === undefined) return;
      const source = moduleSource(block);
      const inputs = new Map<string, Attribute>();
      for (const attribute of block.body.attributes) if (!META_ARGUMENTS.has(attribute.name)) inputs.set(attribute.name, attribute);
      const count = findAttribute(block.body, 'count')?.expr;
      const forEach = findAttribute(block.body, 'for_each')?.expr;
      module.moduleCalls.set(first, {
        name: first, block, file, inputs,
        ...(source !== undefined ? { source } : {}),
        ...(count ? { count } : {}),
        ...(forEach ? { forEach } : {}),
      });
      return;
    }
    case 'output': {
      if (first === undefined) return;
      const value = findAttribute(block.body, 'value')?.expr;
      module.outputs.set(first, { name: first, block, file, ...(value ? { value } : {}) });
      return;
    }
    default:
      return;
  }
}

/** The `source` of a `module` block, when it is a literal string (Terraform requires one). */
export function moduleSource(block: Block): string | undefined {
  const expr = findAttribute(block.body, 'source')?.expr;
  return expr?.kind === 'literal' && typeof expr.value === 'string' ? expr.value : undefined;
}

/** A module call as a resource-like thing, so that its count/for_each give instances by the same rules. */
export function callAsResource(call: ModuleCall): Resource {
  return {
    mode: 'managed', type: 'module', name: call.name, address: `module.${call.name}`, block: call.block, file: call.file, provider: 'aws',
    ...(call.count ? { count: call.count } : {}),
    ...(call.forEach ? { forEach: call.forEach } : {}),
  };
}

/** `provider = aws.west` -> `aws.west`; absent -> the type's provider prefix (`aws`). */
function providerKey(expr: Expr | undefined, resourceType: string): string {
  const parts = expr ? referenceParts(expr) : undefined;
  if (parts && parts.length >= 1) return parts.slice(0, 2).join('.');
  return resourceType.split('_')[0] ?? resourceType;
}
