// The type an endpoint is meant to have. An interface-only service (or a PrivateLink endpoint
// service) requested as a Gateway endpoint is VPCE101's error; the other rules judge such an
// endpoint as the Interface endpoint it was meant to be, so that fixing the type reveals
// nothing new and VPCE102 does not ask to delete the endpoint's subnets.
import type { EndpointType, EndpointView } from '../../model/endpoints';
import { serviceByShortName } from '../../services/catalogue';

/** The service cannot have a Gateway endpoint, so Gateway (written or defaulted) is wrong. */
export function needsInterfaceType(view: EndpointView): boolean {
  if (view.type !== 'Gateway') return false;
  if (view.service.kind === 'privatelink') return true;
  if (view.service.kind !== 'aws') return false;
  const service = serviceByShortName(view.service.shortName);
  return service !== undefined && !service.gateway && service.interface !== false;
}

/** undefined when the type cannot be known: rules stay silent then. */
export function intendedType(view: EndpointView): EndpointType | undefined {
  return needsInterfaceType(view) ? 'Interface' : view.type;
}

/** How to name the type in a message: "a Gateway endpoint (the default when vpc_endpoint_type is not set)". */
export function typePhrase(view: EndpointView): string {
  if (view.typeSource === 'provider default') return 'a Gateway endpoint (vpc_endpoint_type is not set, and Gateway is the default)';
  return `${view.type === 'Interface' ? 'an' : 'a'} ${view.type ?? 'typed'} endpoint`;
}
