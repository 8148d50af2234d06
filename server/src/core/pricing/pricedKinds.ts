// The priced kinds, one entry each (kinds/<kind>.ts): pricing, totals, unpriced, locate and every
// renderer (text, Markdown, JSON, hover, lens, inlay hint) iterate this table instead of naming
// a kind. The kind union and the totals' keys are derived from it. Adding a kind: docs/design.md,
// "Adding a priced kind".
import { natGatewayKind } from './kinds/natGateway';
import type { PricedKind } from './kinds/pricedKind';
import { vpcEndpointKind } from './kinds/vpcEndpoint';

const TABLE = [vpcEndpointKind, natGatewayKind] as const;

type Entry = (typeof TABLE)[number];
export type PricedKindName = Entry['kind'];
export type KindTotalsKey = Entry['totalsKey'];
export type ByTypeKey = Entry['byTypeKeys'][number];

const kinds: PricedKind[] = [...TABLE];

/** Every priced kind, in output order (endpoints before NAT gateways). */
export const PRICED_KINDS: readonly PricedKind[] = kinds;

/** Runs `fn` with `kind` in the table, as a kind added to it would be (tests: the renderers show a kind they do not name). */
export async function withPricedKind<T>(kind: PricedKind, fn: () => T | Promise<T>): Promise<T> {
  kinds.push(kind);
  try {
    return await fn();
  } finally {
    kinds.splice(kinds.indexOf(kind), 1);
  }
}

/** The entry of a kind; throws on a kind the table does not have (a bug, not input). */
export function kindEntry(kind: string): PricedKind {
  const entry = PRICED_KINDS.find((k) => k.kind === kind);
  if (!entry) throw new Error(`not a priced kind: ${kind}`);
  return entry;
}

export function isPricedKind(kind: unknown): kind is PricedKindName {
  return PRICED_KINDS.some((k) => k.kind === kind);
}

/** The kind of a Terraform resource type (`aws_nat_gateway` → `nat_gateway`), if it is priced. */
export function kindOfResourceType(type: string): PricedKindName | undefined {
  return PRICED_KINDS.find((k) => k.resourceTypes.includes(type))?.kind as PricedKindName | undefined;
}

/** `VPC endpoints or NAT gateways`, `VPC endpoint, NAT gateway or transit gateway attachment`. */
export function kindList(noun: 'singular' | 'plural'): string {
  const names = PRICED_KINDS.map((k) => k.labels[noun]);
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** `endpoints $20.44`, `NAT gateways $32.85`: each kind's total in `totals`, named by its `noun` label. */
export function kindTotalsText(totals: Readonly<Record<KindTotalsKey, number>>, noun: 'plural' | 'short', money: (n: number) => string): string[] {
  return PRICED_KINDS.map((k) => `${k.labels[noun]} ${money((totals as Readonly<Record<string, number>>)[k.totalsKey] ?? 0)}`);
}
