// Attributes of data sources that can be known without AWS: the region of `aws_region`, the
// service name of `aws_vpc_endpoint_service`. Everything else is known only after apply.
import { findAttribute } from '../parse/ast';
import { serviceNameFor } from '../services/catalogue';
import type { Evaluator } from './evaluator';
import { regionIsFromCode, resolveRegion } from './region';
import type { Instance } from './scope';
import { type Value, unknown } from './values';

type DataSourceReader = (evaluator: Evaluator, instance: Instance, attribute: string) => Value | undefined;

function awsRegion(evaluator: Evaluator, instance: Instance, attribute: string): Value | undefined {
  if (attribute !== 'name' && attribute !== 'region' && attribute !== 'id') return undefined;
  // `region` (provider v6) or the deprecated `name` argument pins the region.
  for (const argument of ['region', 'name']) {
    const written = findAttribute(instance.resource.block.body, argument);
    if (written) return evaluator.evaluate(written.expr, instance.scope);
  }
  const resolution = resolveRegion(evaluator, instance);
  return regionIsFromCode(resolution)
    ? resolution.region
    : unknown('the provider region is not set in the Terraform', `${instance.address}.${attribute}`);
}

function awsVpcEndpointService(evaluator: Evaluator, instance: Instance, attribute: string): Value | undefined {
  if (attribute !== 'service_name') return undefined;
  const body = instance.resource.block.body;
  const written = findAttribute(body, 'service_name');
  if (written) return evaluator.evaluate(written.expr, instance.scope);
  const service = findAttribute(body, 'service');
  if (!service) return unknown('aws_vpc_endpoint_service without service or service_name');
  const shortName = evaluator.evaluate(service.expr, instance.scope);
  const resolution = resolveRegion(evaluator, instance);
  if (typeof shortName !== 'string') return unknown('the endpoint service cannot be known');
  if (!regionIsFromCode(resolution)) return unknown('the provider region is not set in the Terraform', `${instance.address}.service_name`);
  return serviceNameFor(shortName, resolution.region) ?? `com.amazonaws.${resolution.region}.${shortName}`;
}

const READERS: Record<string, DataSourceReader> = {
  aws_region: awsRegion,
  aws_vpc_endpoint_service: awsVpcEndpointService,
};

export function dataSourceAttribute(evaluator: Evaluator, instance: Instance, attribute: string): Value | undefined {
  return READERS[instance.resource.type]?.(evaluator, instance, attribute);
}
