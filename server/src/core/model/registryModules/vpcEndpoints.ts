// Endpoints of a terraform-aws-modules `vpc-endpoints` module call, read from its inputs: one
// `module.<name>.aws_vpc_endpoint.this["<key>"]` per entry of the `endpoints` map, typed
// Interface unless the entry says otherwise, with the module-level and the entry's subnets.
import type { Attribute } from '../../parse/ast';
import { NONE, mergeAssumptions, withAssumptionsIn } from '../assumptions';
import { parseServiceName, serviceByShortName, serviceNameFor, type ParsedServiceName } from '../../services/catalogue';
import type { Attachments, EndpointView } from '../endpoints';
import { asEndpointType } from '../../services/endpointTypes';
import type { Evaluator } from '../evaluator';
import type { ModuleCall } from '../module';
import { keyOrigin } from '../origins';
import type { Instance } from '../scope';
import type { Location } from '../../types';
import { type MapValue, type Value, asString, isList, isMap, isUnknown, sortedEntries } from '../values';
import { referenceKey, referenceList, referencedAddresses } from '../viewHelpers';
import { VPC_ENDPOINTS_MODULE, callInput, callInstances, callRegion, moduleResource, readCall, resourceInstance } from './sources';
import type { RegistryCall } from './types';

const ENTRY = VPC_ENDPOINTS_MODULE.entry;

export function vpcEndpointsCall(evaluator: Evaluator, call: ModuleCall): RegistryCall {
  const resource = moduleResource(call, VPC_ENDPOINTS_MODULE.resource);
  return readCall(evaluator, call, 'vpc-endpoints', (moduleInstance, result) => {
    if (callInput(evaluator, call, moduleInstance, VPC_ENDPOINTS_MODULE.createInput, true) === false) {
      result.notes.push(`${moduleInstance.address} has ${VPC_ENDPOINTS_MODULE.createInput} = false: it creates no endpoint.`);
      return;
    }
    // What the map of endpoints (and the call's instances) rests on counts for every endpoint.
    const { value: endpoints, assumptions } = evaluator.withAssumptions(() => {
      callInstances(evaluator, call);
      return callInput(evaluator, call, moduleInstance, VPC_ENDPOINTS_MODULE.endpointsInput, new Map());
    });
    if (endpoints === undefined || isUnknown(endpoints) || !isMap(endpoints)) {
      const why = endpoints !== undefined && isUnknown(endpoints) ? ` (${endpoints.reason})` : '';
      result.notes.push(`The ${VPC_ENDPOINTS_MODULE.endpointsInput} input of ${moduleInstance.address} cannot be evaluated${why}; its endpoints are not priced.`);
      result.unpriced.push({ address: moduleInstance.address, kind: 'module', reason: `the ${VPC_ENDPOINTS_MODULE.endpointsInput} input cannot be evaluated${why}` });
      return;
    }
    for (const [key, entry] of sortedEntries(endpoints)) {
      if (!isMap(entry)) {
        result.notes.push(`Entry "${key}" of ${moduleInstance.address} is not an object; not priced.`);
        result.unpriced.push({ address: resourceInstance(resource, moduleInstance, key).address, kind: 'vpc_endpoint', reason: `entry "${key}" of the ${VPC_ENDPOINTS_MODULE.endpointsInput} input is not an object` });
        continue;
      }
      if (entry.get(ENTRY.create) === false) continue;
      const view = withAssumptionsIn(() => entryView(evaluator, call, resourceInstance(resource, moduleInstance, key), entry));
      view.assumptions = mergeAssumptions(assumptions, view.assumptions);
      view.entry = { call, key, value: entry, ...originOf(evaluator, call, key) };
      result.endpoints.push(view);
    }
  });
}

function entryView(evaluator: Evaluator, call: ModuleCall, instance: Instance, entry: MapValue): EndpointView {
  const typeValue = entry.get(ENTRY.serviceType);
  const typeText = typeValue === undefined ? VPC_ENDPOINTS_MODULE.defaultServiceType : asString(typeValue);
  const type = asEndpointType(typeText);
  const region = callRegion(evaluator, call);
  const serviceName = entryServiceName(entry, region.region);
  const dns = entry.get(ENTRY.privateDnsEnabled);
  const input = (name: string) => call.inputs.get(name);
  const service = serviceName === undefined ? { kind: 'none' as const } : parseServiceName(serviceName);
  // A Gateway-typed entry of an interface-only service fails (VPCE101); read as the Interface endpoint it was meant to be.
  const isInterface = type === 'Interface' || (type === 'Gateway' && interfaceOnly(service));
  return {
    address: instance.address,
    instance,
    resource: instance.resource,
    file: call.file,
    type,
    typeSource: type === undefined ? 'unknown' : 'argument', // the module's default is Interface, not the provider's Gateway
    serviceName,
    service,
    region,
    subnets: isInterface
      ? merged(evaluator, instance, input(VPC_ENDPOINTS_MODULE.subnetIdsInput), entry.get(ENTRY.subnetIds), 'subnet_ids', String(instance.key))
      : none('subnet_ids'),
    routeTables: type === 'Gateway' ? merged(evaluator, instance, undefined, entry.get(ENTRY.routeTableIds), 'route_table_ids', String(instance.key)) : none('route_table_ids'),
    securityGroups: isInterface
      ? merged(evaluator, instance, input(VPC_ENDPOINTS_MODULE.securityGroupIdsInput), entry.get(ENTRY.securityGroupIds), 'security_group_ids', String(instance.key))
      : none('security_group_ids'),
    privateDnsEnabled: !isInterface || dns === undefined || dns === null ? undefined : typeof dns === 'boolean' ? dns : 'unknown',
    vpc: referenceKey(callVpc(evaluator, call, instance)),
    assumptions: NONE,
  };
}

function interfaceOnly(service: ParsedServiceName | { kind: 'none' }): boolean {
  if (service.kind === 'privatelink') return true;
  const known = service.kind === 'aws' ? serviceByShortName(service.shortName) : undefined;
  return known !== undefined && !known.gateway;
}

/** `service_endpoint` / `service_name` as written, else the AWS name of `service` in the region. */
function entryServiceName(entry: MapValue, region: string): string | undefined {
  for (const name of ENTRY.fullServiceName) {
    const value = entry.get(name);
    if (value !== undefined && value !== null) return asString(value) ?? '${…}';
  }
  const short = entry.get(ENTRY.shortServiceName);
  if (short === undefined || short === null) return undefined;
  const shortName = asString(short);
  if (shortName === undefined) return '${…}';
  return serviceNameFor(shortName, region) ?? `com.amazonaws.${region}.${shortName}`;
}

/** Where the entry is written: followed from the call's input through locals, variable defaults and merges. */
function originOf(evaluator: Evaluator, call: ModuleCall, key: string): { origin?: Location } {
  const input = call.inputs.get(VPC_ENDPOINTS_MODULE.endpointsInput);
  const origin = input ? keyOrigin(evaluator.module, input.expr, call.file, key) : undefined;
  return origin ? { origin } : {};
}

function callVpc(evaluator: Evaluator, call: ModuleCall, instance: Instance): Value | undefined {
  return callInput(evaluator, call, instance, VPC_ENDPOINTS_MODULE.vpcIdInput);
}

function none(argumentName: string): Attachments {
  return { count: 0, members: [], source: `no ${argumentName}`, inline: false, viaAssociations: 0 };
}

/** distinct(concat(module-level list, entry list)), as the module computes it. */
function merged(
  evaluator: Evaluator, instance: Instance, moduleLevel: Attribute | undefined, fromEntry: Value | undefined, argumentName: string, key: string,
): Attachments {
  const moduleValue = moduleLevel ? evaluator.evaluate(moduleLevel.expr, instance.scope) : [];
  const entryValue = fromEntry ?? [];
  const both = isList(moduleValue) && isList(entryValue) ? [...moduleValue, ...entryValue] : undefined;
  const list = both === undefined ? undefined : referenceList(both);
  const parts: string[] = [];
  if (moduleLevel) {
    const refs = referencedAddresses(moduleLevel.expr);
    const count = isList(moduleValue) ? referenceList(moduleValue)?.distinct : undefined;
    const what = refs.length === 1 ? refs[0]! : `${argumentName} of module.${instance.resource.block.labels[0] ?? '?'}`;
    parts.push(count === undefined ? `${what} (cannot be evaluated)` : `${what} (${count})`);
  }
  if (fromEntry !== undefined) {
    const count = isList(fromEntry) ? referenceList(fromEntry)?.distinct : undefined;
    parts.push(`endpoints["${key}"].${argumentName}${count === undefined ? ' (cannot be evaluated)' : ` (${count})`}`);
  }
  return {
    count: list?.distinct,
    members: (list?.keys ?? []).filter((m): m is string => m !== undefined),
    source: parts.length > 0 ? parts.join(' + ') : `no ${argumentName}`,
    inline: parts.length > 0,
    viaAssociations: 0,
  };
}
