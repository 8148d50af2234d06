// The endpoint types AWS knows (`vpc_endpoint_type`), and reading one from a value: one place for
// the list, the type, and "a known type, else none" (services/data facts read these names).
const ENDPOINT_TYPES = ['Gateway', 'Interface', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork'] as const;
export type EndpointType = (typeof ENDPOINT_TYPES)[number];

/** The provider's default when `vpc_endpoint_type` is not set. */
export const PROVIDER_DEFAULT_TYPE: EndpointType = 'Gateway';

/** The type a value names, or undefined when it names none (a typo, an Unknown, not a string). */
export function asEndpointType(value: unknown): EndpointType | undefined {
  return (ENDPOINT_TYPES as readonly unknown[]).includes(value) ? (value as EndpointType) : undefined;
}
