import type { Resource } from './module';
import type { Value } from './values';

/** What `each`, `count` and for-expression variables mean where an expression is evaluated. */
export interface Scope {
  each?: { key: Value; value: Value };
  countIndex?: number;
  vars?: ReadonlyMap<string, Value>;
  /**
   * The scope gives everything `each` and `count` can mean here: one it lacks is an error (a
   * local, an instance of a block without for_each). Without it, a missing one is only not
   * chosen yet (a block's argument read before its instances are known) and is Unknown.
   */
  complete?: true;
}

export const MODULE_SCOPE: Scope = {};

/** Where `each` and `count` are never valid: locals, outputs, variable defaults, count and for_each themselves. */
export const MODULE_LEVEL_SCOPE: Scope = { complete: true };

/** One instance of a resource: one `count` index or `for_each` key. */
export interface Instance {
  resource: Resource;
  key?: string | number;
  /** Full address, with any module prefix: `module.net.aws_vpc_endpoint.this["ssm"]`. */
  address: string;
  scope: Scope;
}

export type Instances =
  | { known: true; instances: Instance[]; /** how the instances were decided, for hovers */ source: string }
  | { known: false; reason: string };

export function instanceAddress(base: string, key: string | number | undefined): string {
  if (key === undefined) return base;
  return typeof key === 'number' ? `${base}[${key}]` : `${base}[${JSON.stringify(key)}]`;
}

/** A resource name that can be written in a reference (labels may hold anything; references may not). */
export function isReferenceable(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(name);
}

/** An address written for every instance of the modules it is in: `module.ep["ssm"].x` -> `module.ep[*].x`. */
export function everyModuleInstance(address: string): string {
  return address.replace(/(module\.[A-Za-z0-9_-]+)\[[^\]]*\]/g, '$1[*]');
}
