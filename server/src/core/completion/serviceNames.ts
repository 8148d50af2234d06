// Completion inside a `service_name` string. What is already typed decides what is offered:
// - a complete head (`com.amazonaws.<region>.`, the region literal or `${…}`): the services
//   under that head, replacing only the service part;
// - nothing, part of a head, or a bare short name (`ss`): full names, written with the region
//   the way the module writes it, replacing the whole string;
// - `com.amazonaws.vpce.`: the PrivateLink `vpce-svc-` start.
import type { Position, Range } from '../types';
import { REGION_PATTERN, type EndpointService, isRegionSegment, knownServiceShortNames, serviceByShortName, serviceNameFor } from '../services/catalogue';
import type { EndpointBlock } from './moduleFacts';
import { type InterfacePrice, type PriceBasis, groupsCompletedBy, interfacePrice, serviceDocumentation } from './serviceDocs';
import type { StringAtCursor } from './scanned';
import type { CompletionCandidate } from './types';

export interface ServiceNameRequest {
  string: StringAtCursor;
  /** The endpoint block being written, when it is one. */
  endpoint: EndpointBlock | undefined;
  /** Short names the module already has endpoints for. */
  present: ReadonlySet<string>;
  /** How the module writes the region segment (`${data.aws_region.current.region}`). */
  regionText: string;
  /** Builds the price basis, given a literal region typed in the name. */
  basis: (typedRegion?: string) => PriceBasis;
}

interface Segment {
  text: string;
  start: number;
}

const NAME_CHARS = /^[A-Za-z0-9._-]*/;
const PRIVATELINK_HEAD = ['com', 'amazonaws', 'vpce'];
const PRIVATELINK_ID_START = 'vpce-svc-';

/** The regional service families by the segments before `<region>`: com.amazonaws, aws.sagemaker, aws.api. */
const FAMILIES: { head: string[]; services: EndpointService[] }[] = (() => {
  const byHead = new Map<string, EndpointService[]>();
  for (const shortName of knownServiceShortNames()) {
    const service = serviceByShortName(shortName)!;
    const at = service.template.indexOf('.<region>.');
    if (service.global || at < 0) continue;
    const head = service.template.slice(0, at);
    byHead.set(head, [...(byHead.get(head) ?? []), service]);
  }
  return [...byHead].map(([head, services]) => ({ head: head.split('.'), services }));
})();

export function serviceNameCompletions(request: ServiceNameRequest): CompletionCandidate[] {
  const { before } = request.string;
  const segments = splitSegments(before);
  const complete = segments.slice(0, -1).map((s) => s.text);
  if (startsWith(complete, PRIVATELINK_HEAD)) return privateLinkTail(request, segments);
  for (const family of FAMILIES) {
    const k = family.head.length;
    if (complete.length > k && startsWith(complete, family.head) && isRegionSegment(complete[k]!)) {
      // `${each.key}` in the service part: an expression, not a name to complete.
      if (before.slice(segments[k + 1]!.start).includes('${')) return [];
      const typedRegion = REGION_PATTERN.test(complete[k]!) ? complete[k] : undefined;
      return serviceParts(request, family.services, segments[k + 1]!.start, typedRegion);
    }
  }
  if (typingHead(segments)) {
    // `com.amazonaws.eu-west-1` without the dot yet: keep the region being typed.
    const partial = segments[segments.length - 1]!.text;
    return fullNames(request, 'head', REGION_PATTERN.test(partial) ? partial : undefined);
  }
  if (!before.includes('${') && /^[a-z0-9]/i.test(before)) return fullNames(request, 'short');
  return [];
}

/** After `<head>.<region>.`: the service part only. */
function serviceParts(request: ServiceNameRequest, services: EndpointService[], serviceStart: number, typedRegion: string | undefined): CompletionCandidate[] {
  const range = rangeFrom(request.string, serviceStart, true);
  const basis = request.basis(typedRegion);
  const price = interfacePrice(basis);
  const closing = closingQuote(request.string, true);
  const head = request.string.before.slice(0, serviceStart);
  return services.map((service) =>
    serviceItem(request, service, { inserted: `${head}${service.shortName}`, newText: `${service.shortName}${closing}`, range, basis, price }),
  );
}

/** Whole names, replacing the string's content. */
function fullNames(request: ServiceNameRequest, typed: 'head' | 'short', typedRegion?: string): CompletionCandidate[] {
  const range = rangeFrom(request.string, 0, false);
  const basis = request.basis(typedRegion);
  const regionText = typedRegion ?? request.regionText;
  const price = interfacePrice(basis);
  const closing = closingQuote(request.string, false);
  const items = knownServiceShortNames().map((shortName): CompletionCandidate => {
    const service = serviceByShortName(shortName)!;
    const name = serviceNameFor(shortName, regionText) ?? service.template;
    const filterText = typed === 'short' ? shortName : name;
    return { ...serviceItem(request, service, { inserted: name, newText: `${name}${closing}`, range, basis, price }), filterText };
  });
  const privateLink = `${PRIVATELINK_HEAD.join('.')}.${regionText}.${PRIVATELINK_ID_START}`;
  items.push(privateLinkItem(request, privateLink, `${privateLink}${closing}`, range, typed === 'short' ? PRIVATELINK_ID_START : privateLink, price));
  return items;
}

/** After `com.amazonaws.vpce.`: the region (as the module writes it) and `vpce-svc-`. */
function privateLinkTail(request: ServiceNameRequest, segments: Segment[]): CompletionCandidate[] {
  const k = PRIVATELINK_HEAD.length;
  if (segments.length === k + 1) {
    const tail = `${request.regionText}.${PRIVATELINK_ID_START}`;
    const range = rangeFrom(request.string, segments[k]!.start, true);
    return [privateLinkItem(request, tail, tail, range, tail, interfacePrice(request.basis()))];
  }
  if (segments.length === k + 2 && isRegionSegment(segments[k]!.text)) {
    const range = rangeFrom(request.string, segments[k + 1]!.start, true);
    const region = REGION_PATTERN.test(segments[k]!.text) ? segments[k]!.text : undefined;
    return [privateLinkItem(request, PRIVATELINK_ID_START, PRIVATELINK_ID_START, range, PRIVATELINK_ID_START, interfacePrice(request.basis(region)))];
  }
  return [];
}

interface ItemParts {
  inserted: string;
  newText: string;
  range: Range;
  basis: PriceBasis;
  price: InterfacePrice | undefined;
}

function serviceItem(request: ServiceNameRequest, service: EndpointService, parts: ItemParts): CompletionCandidate {
  const completes = groupsCompletedBy(service.shortName, request.present);
  const type = request.endpoint && !request.endpoint.typeDefaulted ? request.endpoint.type : undefined;
  const fits = type === undefined || (type === 'Gateway' ? service.gateway : type === 'Interface' ? service.interface === true : false);
  const tier = completes.length > 0 && fits ? 0 : fits ? 1 : 2;
  const gatewayFree = service.gateway && type !== 'Interface';
  const detail = [
    service.gateway ? (service.interface === true ? 'Gateway (free) or Interface endpoint' : 'Gateway endpoint (free)') : 'Interface endpoint',
    ...(type === 'Gateway' && !service.gateway ? ['needs vpc_endpoint_type = "Interface"'] : []),
    ...completes.map((g) => `completes ${g.title}`),
  ].join(' · ');
  const price = gatewayFree ? 'free' : service.interface === true ? parts.price?.short : undefined;
  return {
    label: service.shortName,
    kind: 'service',
    detail,
    ...(price ? { price } : {}),
    documentation: serviceDocumentation({ service, inserted: parts.inserted, price: parts.price, basis: parts.basis, completes }),
    newText: parts.newText,
    range: parts.range,
    sortText: `${tier}${service.shortName}`,
  };
}

function privateLinkItem(request: ServiceNameRequest, label: string, newText: string, range: Range, filterText: string, price: InterfacePrice | undefined): CompletionCandidate {
  const type = request.endpoint?.type;
  return {
    label,
    kind: 'privatelink',
    detail: 'PrivateLink endpoint service of another account or a partner',
    ...(price && type !== 'GatewayLoadBalancer' ? { price: price.short } : {}),
    documentation: [
      '**PrivateLink endpoint service**: `com.amazonaws.vpce.<region>.vpce-svc-<id>`. Finish it with the service ID its owner gave you.',
      'Use `vpc_endpoint_type = "Interface"`, or `"GatewayLoadBalancer"` for a Gateway Load Balancer service. Private DNS works only with a name the owner has verified.',
      ...(price && type !== 'GatewayLoadBalancer' ? [`- ${price.sentence}`] : []),
    ].join('\n\n'),
    newText,
    range,
    filterText,
    sortText: `${type === 'GatewayLoadBalancer' ? 0 : 1}~privatelink`,
  };
}

/** Splits on `.` outside `${…}`, keeping where each segment starts. */
function splitSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '}' && depth > 0) {
      depth--;
    } else if (text[i] === '.' && depth === 0) {
      segments.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  segments.push({ text: text.slice(start), start });
  return segments;
}

/** The typed text is the start of a head, or a head with its region still being typed. */
function typingHead(segments: Segment[]): boolean {
  const complete = segments.slice(0, -1).map((s) => s.text);
  const partial = segments[segments.length - 1]!.text;
  return [...FAMILIES.map((f) => f.head), PRIVATELINK_HEAD].some((head) => {
    if (complete.length > head.length || !startsWith(head, complete)) return false;
    return complete.length === head.length ? !partial.includes('}') : head[complete.length]!.startsWith(partial);
  });
}

function startsWith(items: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= items.length && prefix.every((p, i) => items[i] === p);
}


/** From `start` (an index into the typed content) to the end of the name at the cursor, or of the whole content. */
function rangeFrom(string: StringAtCursor, start: number, nameOnly: boolean): Range {
  const at = (index: number): Position => ({ line: string.content.start.line, character: string.content.start.character + index });
  const tail = nameOnly ? NAME_CHARS.exec(string.after)![0].length : string.after.length;
  return { start: at(start), end: at(string.before.length + tail) };
}

/** An unterminated string gets its closing quote when the edit reaches the end of the line. */
function closingQuote(string: StringAtCursor, nameOnly: boolean): string {
  if (string.closed) return '';
  const tail = nameOnly ? NAME_CHARS.exec(string.after)![0].length : string.after.length;
  return tail === string.after.length ? '"' : '';
}
