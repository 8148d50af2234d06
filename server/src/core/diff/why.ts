// Why a resource instance costs something else than at the base: the inputs of its price that
// changed, each as `what before → after`.
import type { ResourceCost } from '../pricing/moduleCosts';
import { typeLabel } from '../pricing/summary';

const GB = (n: number) => `${n.toLocaleString('en-US')} GB/month`;

/** One entry per priced input that differs; empty when none does. */
function changedInputs(before: ResourceCost, after: ResourceCost): string[] {
  const why: string[] = [];
  const differs = <T>(a: T, b: T, say: (a: T, b: T) => string) => {
    if (a !== b) why.push(say(a, b));
  };
  differs(typeLabel(before), typeLabel(after), (a, b) => `type ${a} → ${b}`);
  differs(before.service, after.service, (a, b) => `service ${a ?? 'unknown'} → ${b ?? 'unknown'}`);
  differs(before.region, after.region, (a, b) => `region ${a} → ${b}`);
  differs(before.azCount, after.azCount, (a, b) => `AZ count ${a ?? 'none'} → ${b ?? 'none'}`);
  differs(before.monthlyDataGb, after.monthlyDataGb, (a, b) => `data volume ${GB(a)} → ${GB(b)}`);
  return why;
}

/** The reasons shown for a changed price: its inputs, or the rates when only they differ. */
export function whyChanged(before: ResourceCost, after: ResourceCost): string[] {
  const inputs = changedInputs(before, after);
  if (inputs.length > 0 || before.monthly === after.monthly) return inputs;
  // Same inputs, another price: the base was priced with other rates or hours per month (--base-json).
  return ['rates (price catalogue, overrides or hours per month)'];
}
