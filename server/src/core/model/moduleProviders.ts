// Which provider configuration a module call hands its child: `providers = { aws = aws.west }`.
import { referenceParts } from '../parse/ast';
import type { ModuleCall } from './module';

/** `providers = { aws = aws.west }` in a module call: child key -> caller key. */
export function providersArgument(call: ModuleCall): Map<string, string> {
  const map = new Map<string, string>();
  const providers = call.block.body.attributes.find((a) => a.name === 'providers');
  if (providers?.expr.kind !== 'object') return map;
  for (const item of providers.expr.items) {
    const key = referenceParts(item.key)?.join('.');
    const value = referenceParts(item.value)?.join('.');
    if (key && value) map.set(key, value);
  }
  return map;
}

/** The caller's provider key that a child module's `key` provider maps to. */
export function callerProviderKey(call: ModuleCall, key: string): string {
  return providersArgument(call).get(key) ?? key;
}
