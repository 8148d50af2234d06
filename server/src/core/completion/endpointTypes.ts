// Completion of `vpc_endpoint_type` values, each with what the type is, what it costs in the
// module's region and which arguments go with it. The block's service decides the order:
// Gateway comes first only for the services that have a gateway endpoint (s3, dynamodb, s3express).
import type { Range } from '../types';
import type { EndpointType } from '../model/endpoints';
import { endpointCost, isPricingError } from '../pricing/cost';
import { formatMoney } from '../pricing/format';
import { parseServiceName, serviceByShortName } from '../services/catalogue';
import { ENDPOINT_TYPE_DOCS, type EndpointTypeDoc, endpointArguments } from '../services/endpointArguments';
import type { ScannedBlock } from './scanned';
import { type PriceBasis, interfacePrice } from './serviceDocs';
import type { CompletionCandidate } from './types';

export interface EndpointTypeRequest {
  /** The arguments written beside the type and the service they name, which decide the order. */
  written: ReadonlySet<string>;
  /** A short name, `privatelink`, or undefined when it cannot be told. */
  service: string | undefined;
  /** The types that can be written here (all, unless a module takes fewer). */
  types?: readonly EndpointType[];
  range: Range;
  /** Wrap each value in quotes (the cursor is not inside a string yet). */
  quote: boolean;
  /** Appended when the string at the cursor lacks its closing quote. */
  closing: string;
  basis: PriceBasis;
}

export function endpointTypeCompletions(request: EndpointTypeRequest): CompletionCandidate[] {
  const order = preferredOrder(request.written, request.service);
  return ENDPOINT_TYPE_DOCS.filter((doc) => !request.types || request.types.includes(doc.type)).map((doc) => {
    const rank = order.indexOf(doc.type);
    const price = typePrice(doc.type, request.basis);
    return {
      label: doc.type,
      kind: 'endpointType' as const,
      detail: doc.summary,
      ...(price ? { price: price.short } : {}),
      documentation: typeDocumentation(doc, price?.sentence),
      newText: request.quote ? `"${doc.type}"` : `${doc.type}${request.closing}`,
      range: request.range,
      sortText: String(rank < 0 ? order.length : rank),
      ...(rank === 0 ? { preselect: true } : {}),
    };
  });
}

/** The types in the order they suit the endpoint: its service, or the ARN it connects to. */
function preferredOrder(written: ReadonlySet<string>, service: string | undefined): EndpointType[] {
  if (written.has('resource_configuration_arn')) return ['Resource'];
  if (written.has('service_network_arn')) return ['ServiceNetwork'];
  if (service === 'privatelink') return ['Interface', 'GatewayLoadBalancer'];
  const known = service ? serviceByShortName(service) : undefined;
  if (known?.gateway) return known.interface === true ? ['Gateway', 'Interface'] : ['Gateway'];
  return ['Interface', 'GatewayLoadBalancer'];
}

/** The arguments an endpoint block writes and the service it names, for `endpointTypeCompletions`. */
export function typeContextOf(block: ScannedBlock): { written: Set<string>; service: string | undefined } {
  return { written: new Set(block.attributes.map((a) => a.name)), service: serviceOf(block) };
}

/** The short name in the block's `service_name`, `privatelink`, or undefined when it cannot be told. */
function serviceOf(block: ScannedBlock): string | undefined {
  const attribute = block.attributes.find((a) => a.name === 'service_name');
  if (!attribute) return undefined;
  const text = attribute.stringValue ?? /^"(.*)"$/.exec(attribute.valueText)?.[1];
  if (text === undefined) return undefined;
  const parsed = parseServiceName(text);
  return parsed.kind === 'aws' ? parsed.shortName : parsed.kind === 'privatelink' ? 'privatelink' : undefined;
}

function typePrice(type: EndpointType, basis: PriceBasis): { short: string; sentence: string } | undefined {
  const money = (n: number) => formatMoney(n, basis.format);
  switch (type) {
    case 'Gateway':
      return { short: 'free', sentence: 'Gateway endpoint: **free** (no hourly or per-GB charge).' };
    case 'Interface':
      return interfacePrice(basis);
    case 'GatewayLoadBalancer': {
      const cost = endpointCost({
        endpointType: type, region: basis.region, azCount: 1, monthlyDataGb: 0,
        hoursPerMonth: basis.settings.hoursPerMonth, overrides: basis.settings.pricingOverrides,
      });
      if (isPricingError(cost) || !cost.priced) return undefined;
      return {
        short: `${money(cost.monthlyFixed)}/mo`,
        sentence: `Gateway Load Balancer endpoint: **${money(cost.monthlyFixed)}/month** in ${basis.region}, plus ${money(cost.perGb)}/GB; the load balancer is billed separately.`,
      };
    }
    default:
      return { short: 'not priced', sentence: 'Not priced: the price catalogue has no official figure for this type.' };
  }
}

function typeDocumentation(doc: EndpointTypeDoc, priceSentence: string | undefined): string {
  const valid = endpointArguments().filter((a) => a.validFor.includes(doc.type) && a.validFor.length < ENDPOINT_TYPE_DOCS.length);
  return [
    `**${doc.type}**: ${doc.docs}`,
    ...(priceSentence ? [priceSentence] : []),
    valid.length > 0 ? `Arguments for this type: ${valid.map((a) => `\`${a.name}\``).join(', ')}.` : '',
  ].filter(Boolean).join('\n\n');
}
