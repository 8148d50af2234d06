// data "aws_vpc_endpoint_service": what the AWS provider computes without asking AWS. With
// `service`, the provider looks up `com.amazonaws.<region>.<service>` (its source builds exactly
// that name), so `service_name` is that name; `service_type` is what the catalogue says the
// service offers, unless the `service_type` argument filters. Neither argument stands in for
// the other's computed attribute, and a null argument is unset (the vpc-endpoints module
// writes `service_name = lookup(each.value, "service_name", null)` beside `service`).
import { parseServiceName, serviceByShortName } from '../services/catalogue';
import { computed, dataSourceRegion } from './dataArguments';
import { evaluateArgument } from './viewHelpers';
import type { Evaluation } from './evaluation';
import type { Instance } from './scope';
import { type Value, isUnknown } from './values';

export function endpointServiceAttribute(evaluator: Evaluation, instance: Instance, attribute: string): Value | undefined {
  const argument = (name: string) => evaluateArgument(evaluator, instance, name);
  switch (attribute) {
    case 'service':
      // An argument only (not computed): null when not set.
      return argument('service') ?? null;
    case 'service_name':
      return serviceName(evaluator, instance) ?? computed(instance, attribute, `${instance.address} names no service`);
    case 'service_type':
      return argument('service_type') ?? serviceType(evaluator, instance) ?? computed(instance, attribute);
    case 'owner':
      // AWS services are owned by "amazon" (the provider's documentation); others by an account.
      return awsService(evaluator, instance) ? 'amazon' : computed(instance, attribute);
    case 'region':
      return dataSourceRegion(evaluator, instance);
    default:
      // Everything else the provider reads from AWS (id, arn, private_dns_name, ...).
      return computed(instance, attribute);
  }
}

function serviceName(evaluator: Evaluation, instance: Instance): Value | undefined {
  const written = evaluateArgument(evaluator, instance, 'service_name');
  if (written !== undefined) return written;
  const service = evaluateArgument(evaluator, instance, 'service');
  if (service === undefined) return undefined;
  if (typeof service !== 'string') return isUnknown(service) ? computed(instance, 'service_name', service.reason) : undefined;
  const region = dataSourceRegion(evaluator, instance);
  return typeof region === 'string' ? `com.amazonaws.${region}.${service}` : computed(instance, 'service_name', region.reason);
}

/** The catalogue entry of an AWS service the data source names, if it names one. */
function awsService(evaluator: Evaluation, instance: Instance) {
  const name = serviceName(evaluator, instance);
  if (typeof name !== 'string') return undefined;
  const parsed = parseServiceName(name);
  return parsed.kind === 'aws' && parsed.known ? serviceByShortName(parsed.shortName) : undefined;
}

/**
 * The type of a catalogue service that has one: "Interface" for interface-only services. A
 * service with both types (s3, dynamodb) matches twice without the `service_type` argument,
 * which the provider rejects: Unknown then, as for services whose types are not confirmed.
 */
function serviceType(evaluator: Evaluation, instance: Instance): string | undefined {
  const service = awsService(evaluator, instance);
  if (!service) return undefined;
  if (service.interface === true && !service.gateway) return 'Interface';
  if (service.interface === false && service.gateway) return 'Gateway';
  return undefined;
}
