// VPCE110: an endpoint must name exactly one thing to connect to: service_name,
// resource_configuration_arn or service_network_arn. An argument whose value is null does not
// count; one that cannot be evaluated might be null, so it keeps the rule silent.
import { evaluateArgument } from '../../model/viewHelpers';
import { isUnknown } from '../../model/values';
import { argumentOf, headerOf } from './endpointSyntax';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './perBlock';
import type { Rule } from '../rule';

const TARGETS = ['service_name', 'resource_configuration_arn', 'service_network_arn'];

function check({ module, view, file }: EndpointContext): EndpointProblem[] {
  const set: string[] = [];
  let maybe = 0;
  for (const name of TARGETS) {
    const value = evaluateArgument(module.evaluator, view.instance, name);
    if (value === undefined || value === null) continue;
    // A template is a string even when its parts cannot be known.
    if (isUnknown(value) && argumentOf(view, name)?.expr.kind !== 'template') maybe++;
    else set.push(name);
  }
  if (set.length === 0 && maybe > 0) return [];
  if (set.length === 1) return [];
  if (set.length === 0) {
    return [{ file: file.path, range: headerOf(view), message: `This endpoint names nothing to connect to: set exactly one of ${TARGETS.join(', ')}.` }];
  }
  return [{
    file: file.path,
    range: argumentOf(view, set[1]!)!.range,
    message: `${set.join(' and ')} are both set, but an endpoint connects to exactly one of ${TARGETS.join(', ')}, so the provider rejects it.`,
  }];
}

export const serviceTargetRule: Rule = { id: 'VPCE110', run: (analysis) => endpointFindings(analysis, check) };
