// NAT gateways of a terraform-aws-modules `vpc` module call, counted from its inputs the way
// the module counts them: none unless enable_nat_gateway; one with single_nat_gateway; one per
// AZ with one_nat_gateway_per_az; else one per subnet of the longest private-side subnet list.
import type { Evaluator } from '../evaluator';
import type { ModuleCall } from '../module';
import type { Instance } from '../scope';
import { type Value, isList, isUnknown } from '../values';
import { VPC_MODULE, callInput, callInstances, callRegion, moduleResource, readCall, resourceInstance } from './sources';
import type { RegistryCall } from './types';

type NatCount = { count: number; source: string } | { reason: string };

const DEFAULTS: Record<string, boolean> = VPC_MODULE.inputDefaults;

export function vpcCall(evaluator: Evaluator, call: ModuleCall): RegistryCall {
  const resource = moduleResource(call, VPC_MODULE.resource);
  const region = callRegion(evaluator, call);
  const sources = new Set<string>();
  const result = readCall(evaluator, call, 'vpc', (moduleInstance, into) => {
    // `azs = slice(data.aws_availability_zones.available.names, 0, 3)` counts on the AZ table.
    const { value: counted, assumptions } = evaluator.withAssumptions(() => {
      callInstances(evaluator, call);
      return natCount(evaluator, call, moduleInstance);
    });
    if ('reason' in counted) {
      into.notes.push(`The number of NAT gateways of ${moduleInstance.address} cannot be known: ${counted.reason}.`);
      into.unpriced.push({ address: `${moduleInstance.address}.aws_nat_gateway.this`, kind: 'nat_gateway', reason: `the number of NAT gateways cannot be known (${counted.reason})` });
      return;
    }
    sources.add(counted.source);
    for (let i = 0; i < counted.count; i++) {
      const instance = resourceInstance(resource, moduleInstance, i);
      into.natGateways.push({ address: instance.address, instance, connectivity: 'public', region, assumptions });
    }
  });
  if (sources.size > 0) result.natCountSource = [...sources].join('; ');
  return result;
}

function natCount(evaluator: Evaluator, call: ModuleCall, instance: Instance): NatCount {
  const flag = (name: string): boolean | { reason: string } => {
    const value = callInput(evaluator, call, instance, name, DEFAULTS[name] ?? false);
    return typeof value === 'boolean' ? value : { reason: `${name} cannot be evaluated` };
  };
  const written = (name: string, value: boolean) => `${name} = ${value}${call.inputs.has(name) ? '' : ' (module default)'}`;
  for (const [name, zeroWhen] of [['create_vpc', false], ['enable_nat_gateway', false]] as const) {
    const value = flag(name);
    if (typeof value !== 'boolean') return value;
    if (value === zeroWhen) return { count: 0, source: written(name, value) };
  }
  const single = flag('single_nat_gateway');
  if (typeof single !== 'boolean') return single;
  if (single) return { count: 1, source: written('single_nat_gateway', true) };
  const perAz = flag('one_nat_gateway_per_az');
  if (typeof perAz !== 'boolean') return perAz;
  if (perAz) {
    const azs = listLength(callInput(evaluator, call, instance, VPC_MODULE.azsInput, []));
    return azs === undefined ? { reason: `${VPC_MODULE.azsInput} cannot be evaluated` } : { count: azs, source: `one_nat_gateway_per_az = true, ${azs} AZs in ${VPC_MODULE.azsInput}` };
  }
  let longest = 0;
  for (const name of VPC_MODULE.natSubnetInputs) {
    const length = listLength(callInput(evaluator, call, instance, name, []));
    if (length === undefined) return { reason: `${name} cannot be evaluated` };
    longest = Math.max(longest, length);
  }
  return { count: longest, source: `one per subnet of the longest of ${VPC_MODULE.natSubnetInputs.join(', ')} (${longest})` };
}

function listLength(value: Value | undefined): number | undefined {
  return value !== undefined && !isUnknown(value) && isList(value) ? value.length : undefined;
}
