import type { Resource } from './module';
import type { Value } from './values';

/** What `each`, `count` and for-expression variables mean where an expression is evaluated. */
export interface Scope {
  each?: { key: Value; value: Value };
  countIndex?: number;
  vars?: ReadonlyMap<string, Value>;
}

export const MODULE_SCOPE: Scope = {};

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
