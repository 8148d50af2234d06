// VPCE110: an endpoint must name exactly one thing to connect to: service_name,
// resource_configuration_arn or service_network_arn. An argument whose value is null does not
// count; one that cannot be evaluated might be null, so it keeps the rule silent. An entry of a
// vpc-endpoints module call names its service by `service`, `service_name` or `service_endpoint`.
import { evaluateArgument } from '../model/viewHelpers';
import { isUnknown } from '../model/values';
import { VPC_ENDPOINTS_MODULE } from '../model/registryModules/sources';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './endpoint/perBlock';
import type { Rule } from './rule';

const TARGETS = ['service_name', 'resource_configuration_arn', 'service_network_arn'];

const ENTRY = VPC_ENDPOINTS_MODULE.entry;
const ENTRY_TARGETS = [ENTRY.shortServiceName, ...ENTRY.fullServiceName];

function check(ctx: EndpointContext): EndpointProblem[] {
  return ctx.site.kind === 'module entry' ? entryCheck(ctx) : blockCheck(ctx);
}

function entryCheck({ view, site, file }: EndpointContext): EndpointProblem[] {
  if (view.serviceName !== undefined) return [];
  return [{ file: file.path, range: site.header, message: `This entry names no service to connect to: set ${ENTRY_TARGETS.join(', ')}.` }];
}

function blockCheck({ module, view, site, file }: EndpointContext): EndpointProblem[] {
  const set: string[] = [];
  let maybe = 0;
  for (const name of TARGETS) {
    const value = evaluateArgument(module.evaluator, view.instance, name);
    if (value === undefined || value === null) continue;
    // A template is a string even when its parts cannot be known.
    if (isUnknown(value) && site.written(name)?.expr.kind !== 'template') maybe++;
    else set.push(name);
  }
  if (set.length === 0 && maybe > 0) return [];
  if (set.length === 1) return [];
  if (set.length === 0) {
    return [{ file: file.path, range: site.header, message: `This endpoint names nothing to connect to: set exactly one of ${TARGETS.join(', ')}.` }];
  }
  return [{
    file: file.path,
    range: site.written(set[1]!)!.range,
    message: `${set.join(' and ')} are both set, but an endpoint connects to exactly one of ${TARGETS.join(', ')}, so the provider rejects it.`,
  }];
}

export const serviceTargetRule: Rule = { id: 'VPCE110', run: (analysis) => endpointFindings(analysis, check) };
