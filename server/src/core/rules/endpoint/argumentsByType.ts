// VPCE102: an argument the endpoint's type does not take (services/data/endpoint-arguments.json).
// Resource and ServiceNetwork endpoints are not checked: the facts about which arguments they
// accept are incomplete (vpc-endpoint-facts.md section 6), and a rule never guesses. The
// arguments that name the endpoint's target (service_name and the two ARNs) are VPCE110's. An
// argument whose value is null is not set (`route_table_ids = local.gateway ? x : null`).
import type { EndpointType } from '../../model/endpoints';
import { argumentState } from '../../model/viewHelpers';
import { endpointArguments } from '../../services/endpointArguments';
import { needsInterfaceType, intendedType, typePhrase } from './endpointType';
import { argumentOf, nestedBlockOf, removeArgument } from './endpointSyntax';
import { endpointFindings, listed, type EndpointContext, type EndpointProblem } from './perBlock';
import type { Rule } from '../rule';

const CHECKED_TYPES: readonly EndpointType[] = ['Gateway', 'Interface', 'GatewayLoadBalancer'];
const ARGUMENTS = endpointArguments().filter((a) => a.conflictsWith.length === 0);

function check({ module, view, file }: EndpointContext): EndpointProblem[] {
  const type = intendedType(view);
  if (type === undefined || !CHECKED_TYPES.includes(type)) return [];
  const phrase = needsInterfaceType(view) ? 'an Interface endpoint' : typePhrase(view);
  const problems: EndpointProblem[] = [];
  for (const argument of ARGUMENTS) {
    if (argument.validFor.includes(type)) continue;
    const written = argument.value === 'block' ? nestedBlockOf(view, argument.name) : argumentOf(view, argument.name);
    // An argument that is null is not set; one that cannot be known may be null: silent then.
    if (!written || ('name' in written && argumentState(module.evaluator, view.instance, argument.name) !== 'set')) continue;
    problems.push({
      file: file.path,
      range: 'name' in written ? written.range : written.headerRange,
      message: `\`${argument.name}\` is not valid on ${phrase}: it applies only to ${listed(argument.validFor)} endpoints.`,
      fixes: [{ title: `Remove ${argument.name}`, edits: [removeArgument(file, view.resource.block, written)] }],
    });
  }
  return problems;
}

export const argumentsByTypeRule: Rule = { id: 'VPCE102', run: (analysis) => endpointFindings(analysis, check) };
