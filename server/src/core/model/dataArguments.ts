// What data source readers (dataSources.ts) share: the region a data source is read in (an
// assumption when the Terraform does not say it), and the Unknown of an attribute known only
// after apply.
import { assume, assumption, type Assumption } from './assumptions';
import type { Evaluation } from './evaluation';
import { regionIsFromCode, resolveRegion, type RegionResolution } from './region';
import type { Instance } from './scope';
import { evaluateArgument } from './viewHelpers';
import { type Unknown, isUnknown, unknown } from './values';

/** An attribute the provider computes and that cannot be known here. */
export function computed(instance: Instance, attribute: string, reason = `${instance.address}.${attribute} is known only after apply`): Unknown {
  return unknown(reason, `${instance.address}.${attribute}`);
}

/**
 * The region a data source is read in: its own `region` argument or its provider's (region.ts).
 * When neither is written, the vpceLens.region setting or the fallback stand in for it, and
 * the value read is marked as resting on that assumption. Unknown when its own argument is.
 */
export function dataSourceRegion(evaluator: Evaluation, instance: Instance): string | Unknown {
  const own = evaluateArgument(evaluator, instance, 'region');
  if (own !== undefined && typeof own !== 'string') return computed(instance, 'region', isUnknown(own) ? own.reason : 'a region that is not a string');
  const resolution = resolveRegion(evaluator, instance);
  if (!regionIsFromCode(resolution)) assume(regionAssumption(resolution));
  return resolution.region;
}

function regionAssumption(resolution: RegionResolution): Assumption {
  const text = resolution.source === 'setting'
    ? `Data sources are read in ${resolution.region}, the vpceLens.region setting (no provider region in the Terraform).`
    : `Data sources are read in ${resolution.region}, the fallback region (no provider region in the Terraform, no vpceLens.region setting).`;
  return assumption('region', text);
}
