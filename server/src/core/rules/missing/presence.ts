// Whether a VPC has an endpoint for a service: present, absent, or cannot be told (an endpoint
// whose service or type cannot be evaluated, a misspelt name close to this one, endpoints that
// cannot be listed). Rules fire only on `absent`.
import type { EndpointView } from '../../model/endpoints';
import { isGatewayCapable, serviceByShortName, suggestServiceNames } from '../../services/catalogue';
import type { VpcGroup } from './vpcGroups';

export type Presence = 'present' | 'absent' | 'unknown';
type Match = 'yes' | 'no' | 'maybe';

/**
 * `Gateway`: a Gateway endpoint of the service. `Interface`: for s3/dynamodb an Interface
 * endpoint; for interface-only services any endpoint naming it (a wrong type is VPCE101's
 * business, the intent is clear).
 */
export type Need = 'Gateway' | 'Interface';

export function presence(group: VpcGroup, shortName: string, need: Need): Presence {
  let unsure = false;
  for (const [i, { view }] of [...group.endpoints, ...group.maybeEndpoints].entries()) {
    const match = both(serviceMatch(view, shortName), typeMatch(view, shortName, need));
    if (match === 'yes' && i < group.endpoints.length) return 'present';
    if (match !== 'no') unsure = true;
  }
  for (const unknown of group.unknownEndpoints) {
    const service = unknown.services === 'any' || unknown.services.includes(shortName);
    const type = unknown.type === 'any' || !isGatewayCapable(shortName) || unknown.type === need;
    if (service && type) unsure = true;
  }
  return unsure ? 'unknown' : 'absent';
}

/** Every endpoint of the VPC that certainly is one for `shortName` (any type). */
export function endpointsFor(group: VpcGroup, shortName: string): EndpointView[] {
  return group.endpoints.map((e) => e.view).filter((v) => serviceMatch(v, shortName) === 'yes');
}

function both(a: Match, b: Match): Match {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'yes' && b === 'yes' ? 'yes' : 'maybe';
}

function serviceMatch(view: EndpointView, shortName: string): Match {
  const service = view.service;
  if (service.kind === 'unresolved') return 'maybe';
  if (service.kind !== 'aws') return 'no';
  if (service.shortName === shortName) return 'yes';
  // A misspelt name (VPCE107's finding) may have meant this service.
  return serviceByShortName(service.shortName) === undefined && suggestionsFor(service.shortName).includes(shortName) ? 'maybe' : 'no';
}

const suggestions = new Map<string, string[]>();

function suggestionsFor(misspelt: string): string[] {
  let found = suggestions.get(misspelt);
  if (!found) suggestions.set(misspelt, (found = suggestServiceNames(misspelt)));
  return found;
}

function typeMatch(view: EndpointView, shortName: string, need: Need): Match {
  if (view.type === undefined) return 'maybe';
  if (need === 'Gateway') return view.type === 'Gateway' ? 'yes' : 'no';
  if (!isGatewayCapable(shortName)) return 'yes';
  return view.type === 'Interface' ? 'yes' : 'no';
}
