// Attributes of data sources that the AWS provider computes without asking AWS: the Region of
// `aws_region`, the partition of `aws_partition`, the service name and type of
// `aws_vpc_endpoint_service`, the number of zones of `aws_availability_zones`. A reader gives
// the computed attributes of its type; anything else falls to References.instanceAttribute,
// where a written, non-null argument is its own attribute and the rest is known only after
// apply (`aws_caller_identity` and every data source without a reader).
import { availabilityZonesAttribute } from './availabilityZones';
import { computed, dataSourceRegion } from './dataArguments';
import { evaluateArgument } from './viewHelpers';
import { endpointServiceAttribute } from './endpointServiceData';
import type { Evaluation } from './evaluation';
import { partitionOf, regionDescription } from './partitions';
import type { Instance } from './scope';
import type { Value } from './values';

type DataSourceReader = (evaluator: Evaluation, instance: Instance, attribute: string) => Value | undefined;

/** `ec2.eu-west-1.amazonaws.com` -> `eu-west-1`: the `endpoint` argument selects a Region too. */
const EC2_ENDPOINT = /^ec2\.([a-z0-9-]+)\./;

function awsRegion(evaluator: Evaluation, instance: Instance, attribute: string): Value | undefined {
  if (!['name', 'region', 'id', 'description', 'endpoint'].includes(attribute)) return undefined;
  // `region` (provider v6), the deprecated `name` or `endpoint` select a Region; else the provider's.
  const selected = evaluateArgument(evaluator, instance, 'region') === undefined
    ? evaluateArgument(evaluator, instance, 'name') ?? endpointRegion(evaluateArgument(evaluator, instance, 'endpoint'), instance)
    : undefined;
  const region = selected ?? dataSourceRegion(evaluator, instance);
  if (attribute === 'name' || attribute === 'region' || attribute === 'id') return region;
  if (typeof region !== 'string') return computed(instance, attribute);
  if (attribute === 'description') return regionDescription(region) ?? computed(instance, attribute, `${region} is not in the shipped table of Regions`);
  return `ec2.${region}.${partitionOf(region).dnsSuffix}`;
}

function endpointRegion(endpoint: Value | undefined, instance: Instance): Value | undefined {
  if (typeof endpoint !== 'string') return endpoint === undefined ? undefined : computed(instance, 'region');
  const match = EC2_ENDPOINT.exec(endpoint);
  return match ? match[1]! : computed(instance, 'region', `${endpoint} is not an EC2 endpoint this reads`);
}

function awsPartition(evaluator: Evaluation, instance: Instance, attribute: string): Value | undefined {
  if (!['partition', 'id', 'dns_suffix', 'reverse_dns_prefix'].includes(attribute)) return undefined;
  const region = dataSourceRegion(evaluator, instance);
  if (typeof region !== 'string') return computed(instance, attribute);
  const partition = partitionOf(region);
  if (attribute === 'dns_suffix') return partition.dnsSuffix;
  return attribute === 'reverse_dns_prefix' ? partition.reverseDnsPrefix : partition.id;
}

const READERS: Record<string, DataSourceReader> = {
  aws_region: awsRegion,
  aws_partition: awsPartition,
  aws_vpc_endpoint_service: endpointServiceAttribute,
  aws_availability_zones: availabilityZonesAttribute,
};

export function dataSourceAttribute(evaluator: Evaluation, instance: Instance, attribute: string): Value | undefined {
  const reader = Object.prototype.hasOwnProperty.call(READERS, instance.resource.type) ? READERS[instance.resource.type] : undefined;
  return reader?.(evaluator, instance, attribute);
}
