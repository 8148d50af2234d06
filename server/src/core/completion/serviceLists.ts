// Completion of the elements of a list that drives `for_each` of endpoints: a `locals` list
// read by an endpoint's `for_each`, or a `toset([...])` written in the `for_each` itself. Offers
// the services not in the list yet; those that complete a group the list has started
// (ssm → ssmmessages, ec2messages; ecr.api → ecr.dkr) are marked and come first.
import type { Range } from '../types';
import { type EndpointService, knownServiceShortNames, serviceByShortName, serviceNameFor } from '../services/catalogue';
import type { EndpointBlock } from './moduleFacts';
import { type PriceBasis, groupsCompletedBy, interfacePrice, serviceDocumentation } from './serviceDocs';
import type { OpenContainer } from './scanned';
import type { CompletionCandidate } from './types';

export interface ServiceListRequest {
  containers: OpenContainer[];
  /** The endpoint blocks the list drives (at least one). */
  endpoints: EndpointBlock[];
  range: Range;
  /** Wrap each name in quotes (the cursor is not inside a string). */
  quote: boolean;
  closing: string;
  /** The content of the string at the cursor, if any. */
  editing?: string;
  regionText: string;
  basis: PriceBasis;
}

/** The list elements can be completed here: the innermost bracket is a list, inside calls or lists only. */
export function inServiceList(containers: readonly OpenContainer[]): boolean {
  const innermost = containers[containers.length - 1];
  return innermost?.open === '[' && containers.every((c) => c.open !== '{');
}

export function serviceListCompletions(request: ServiceListRequest): CompletionCandidate[] {
  const list = request.containers[request.containers.length - 1];
  if (!list || request.endpoints.length === 0) return [];
  // The element at the cursor is being rewritten: it does not count as present.
  const present = new Set(list.strings.filter((s) => s !== request.editing));
  const gateway = request.endpoints.every((e) => e.type === 'Gateway' && !e.typeDefaulted);
  return shortNameCompletions({ ...request, present, gateway });
}

export interface ShortNameRequest {
  /** Short names already there: a service that completes a group they started comes first. */
  present: ReadonlySet<string>;
  /** Gateway endpoints: only gateway services, free. */
  gateway: boolean;
  range: Range;
  quote: boolean;
  closing: string;
  regionText: string;
  basis: PriceBasis;
}

/** Short service names (`ssm`, `ecr.dkr`) not present yet, for lists and for a module entry's `service`. */
export function shortNameCompletions(request: ShortNameRequest): CompletionCandidate[] {
  const { present, gateway: gatewayList } = request;
  const price = interfacePrice(request.basis);
  return knownServiceShortNames()
    .map((shortName) => serviceByShortName(shortName)!)
    .filter((service) => !present.has(service.shortName) && usableInList(service, gatewayList))
    .map((service) => {
      const completes = groupsCompletedBy(service.shortName, present);
      const freeInstead = !gatewayList && service.gateway;
      const tier = completes.length > 0 ? 0 : freeInstead ? 2 : 1;
      const detail = gatewayList
        ? 'Gateway endpoint (free)'
        : ['Interface endpoint', ...completes.map((g) => `completes ${g.title}`), ...(freeInstead ? ['a Gateway endpoint is free'] : [])].join(' · ');
      const itemPrice = gatewayList ? 'free' : price?.short;
      return {
        label: service.shortName,
        kind: 'service' as const,
        detail,
        ...(itemPrice ? { price: itemPrice } : {}),
        documentation: serviceDocumentation({
          service, inserted: serviceNameFor(service.shortName, request.regionText) ?? service.shortName, price, basis: request.basis, completes,
        }),
        newText: request.quote ? `"${service.shortName}"` : `${service.shortName}${request.closing}`,
        range: request.range,
        sortText: `${tier}${service.shortName}`,
      };
    });
}

/**
 * Lists are written as short names that the endpoint turns into `com.amazonaws.<region>.<name>`,
 * so only services named that way fit; a Gateway list takes only gateway services.
 */
function usableInList(service: EndpointService, gatewayList: boolean): boolean {
  if (service.global || !service.template.startsWith('com.amazonaws.<region>.')) return false;
  return gatewayList ? service.gateway : service.interface === true;
}
