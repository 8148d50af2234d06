// Which AWS region a resource lives in, first that is known: its own `region` argument
// (provider v6), its provider configuration (alias-aware, inherited by child modules), the
// variable that configuration points at, the vpceLens.region setting, us-east-1.
import type { Expr } from '../parse/ast';
import { findAttribute, referenceParts } from '../parse/ast';
import type { Evaluation, RegionResolution } from './evaluation';
import type { Instance } from './scope';
import { MODULE_SCOPE } from './scope';

export type { RegionResolution } from './evaluation';

const FALLBACK_REGION = 'us-east-1';

/** True when the region was read from the Terraform itself (not a setting or the fallback). */
export function regionIsFromCode(resolution: RegionResolution): boolean {
  return resolution.source === 'resource' || resolution.source === 'provider' || resolution.source === 'variable';
}

export function resolveRegion(evaluator: Evaluation, instance: Instance): RegionResolution {
  const own = findAttribute(instance.resource.block.body, 'region');
  if (own) {
    const value = evaluator.evaluate(own.expr, instance.scope);
    if (typeof value === 'string' && value !== '') {
      return { region: value, source: 'resource', detail: `\`region\` argument of ${instance.address}` };
    }
  }
  return providerRegion(evaluator, instance.resource.provider);
}

/** The region of a provider configuration (`aws`, `aws.west`) in this module or its callers. */
export function providerRegion(evaluator: Evaluation, providerKey: string): RegionResolution {
  const config = evaluator.module.providers.get(providerKey);
  const regionAttribute = config ? findAttribute(config.block.body, 'region') : undefined;
  if (regionAttribute) {
    const value = evaluator.evaluate(regionAttribute.expr, MODULE_SCOPE);
    if (typeof value === 'string' && value !== '') {
      const variable = variableName(regionAttribute.expr);
      const label = providerLabel(providerKey);
      return variable
        ? { region: value, source: 'variable', detail: `${label} region = var.${variable} ("${value}")` }
        : { region: value, source: 'provider', detail: `${label} region` };
    }
  }
  const inherited = evaluator.refs.options.inheritedProviderRegion?.(providerKey);
  if (inherited) return inherited;
  const setting = evaluator.refs.options.regionSetting;
  if (setting) return { region: setting.region, source: 'setting', detail: `${setting.label} (no provider region found)` };
  return { region: FALLBACK_REGION, source: 'default', detail: `no provider region found; assumed ${FALLBACK_REGION}` };
}

function providerLabel(key: string): string {
  const [name, alias] = key.split('.');
  return alias ? `provider "${name}" (alias ${alias})` : `provider "${name}"`;
}

function variableName(expr: Expr): string | undefined {
  const parts = referenceParts(expr);
  return parts && parts[0] === 'var' && parts.length === 2 ? parts[1] : undefined;
}
