// Endpoints that may exist but cannot be listed: an `aws_vpc_endpoint` whose count/for_each
// cannot be evaluated, a vpc-endpoints module call whose endpoints cannot be read, or a module
// call whose code cannot be read that is given a VPC. They keep the missing-endpoint rules silent
// for whatever service and type they might be.
import unreadInputs from '../data/unread-module-inputs.json';
import type { EvaluatedModule } from '../../analysis';
import { PROVIDER_DEFAULT_TYPE, asEndpointType, type EndpointType } from '../../services/endpointTypes';
import { MODULE_SCOPE } from '../../model/scope';
import { asString } from '../../model/values';
import { referenceKey } from '../../model/viewHelpers';
import { findAttribute } from '../../parse/ast';
import { parseServiceName } from '../../services/catalogue';

export interface UnknownEndpoint {
  /** Short names it may be, or any service. */
  services: readonly string[] | 'any';
  type: EndpointType | 'any';
  /** The VPC key its vpc_id refers to, when that can be told without an instance. */
  vpc?: string;
}

const NO_ENDPOINT = /creates no endpoint\.$/;

export function unknownEndpointsOf(module: EvaluatedModule): UnknownEndpoint[] {
  const evaluator = module.evaluator;
  const found: UnknownEndpoint[] = [];
  for (const resource of evaluator.module.resources.values()) {
    if (resource.mode !== 'managed' || resource.type !== 'aws_vpc_endpoint' || evaluator.refs.instances(resource).known) continue;
    // Without an instance, arguments are read in the module's scope; null is not set.
    const read = (name: string) => {
      const attribute = findAttribute(resource.block.body, name);
      const value = attribute ? evaluator.evaluate(attribute.expr, MODULE_SCOPE) : null;
      return value === null ? undefined : value;
    };
    const typeText = read('vpc_endpoint_type');
    const type = typeText === undefined ? PROVIDER_DEFAULT_TYPE : asEndpointType(typeText) ?? 'any';
    const serviceName = asString(read('service_name') ?? null);
    const parsed = serviceName === undefined ? undefined : parseServiceName(serviceName);
    const vpc = referenceKey(read('vpc_id'));
    found.push({ services: parsed?.kind === 'aws' ? [parsed.shortName] : 'any', type, ...(vpc !== undefined ? { vpc } : {}) });
  }
  for (const call of module.registry.calls) {
    if (call.kind === 'vpc-endpoints' && call.notes.some((note) => !NO_ENDPOINT.test(note))) found.push({ services: 'any', type: 'any' });
  }
  for (const unread of module.unreadModules) {
    const input = unreadInputs.vpcInputs.map((name) => unread.call.inputs.get(name)).find((a) => a !== undefined);
    if (!input) continue;
    const vpc = referenceKey(evaluator.evaluate(input.expr, MODULE_SCOPE));
    found.push({ services: 'any', type: 'any', ...(vpc !== undefined ? { vpc } : {}) });
  }
  return found;
}
