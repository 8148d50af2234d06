// VPCE102: an argument the endpoint's type does not take (services/data/endpoint-arguments.json).
// Resource and ServiceNetwork endpoints are not checked: the facts about which arguments they
// accept are incomplete (vpc-endpoint-facts.md section 6), and a rule never guesses. The
// arguments that name the endpoint's target (service_name and the two ARNs) are VPCE110's. An
// argument whose value is null is not set (`route_table_ids = local.gateway ? x : null`). In an
// entry of a vpc-endpoints module call, the module passes such an argument on only for the
// types that take it: written for another type it is ignored, a warning rather than an error.
import type { EndpointType } from '../model/endpoints';
import { VPC_ENDPOINTS_MODULE } from '../model/registryModules/sources';
import { endpointArguments } from '../services/endpointArguments';
import { needsInterfaceType, intendedType, typePhrase } from './endpoint/endpointType';
import { endpointFindings, listed, type EndpointContext, type EndpointProblem } from './endpoint/perBlock';
import type { Rule } from './rule';

const CHECKED_TYPES: readonly EndpointType[] = ['Gateway', 'Interface', 'GatewayLoadBalancer'];
const ARGUMENTS = endpointArguments().filter((a) => a.conflictsWith.length === 0);
const PASSED_ONLY_FOR = Object.entries(VPC_ENDPOINTS_MODULE.entry.passedOnlyFor).filter(([name]) => !name.startsWith('$')) as [string, string[]][];

function check(ctx: EndpointContext): EndpointProblem[] {
  const type = intendedType(ctx.view);
  if (type === undefined || !CHECKED_TYPES.includes(type)) return [];
  return ctx.site.kind === 'module entry' ? ignoredInEntry(ctx, type) : invalidInBlock(ctx, type);
}

function invalidInBlock({ view, site, file }: EndpointContext, type: EndpointType): EndpointProblem[] {
  const phrase = needsInterfaceType(view) ? 'an Interface endpoint' : typePhrase(view);
  const problems: EndpointProblem[] = [];
  for (const argument of ARGUMENTS) {
    if (argument.validFor.includes(type)) continue;
    const block = argument.value === 'block' ? site.nested(argument.name) : undefined;
    // An argument that is null is not set; one that cannot be known may be null: silent then.
    const written = block ? block.headerRange : site.state(argument.name) === 'set' ? site.written(argument.name)?.range : undefined;
    if (!written) continue;
    problems.push({
      file: file.path,
      range: written,
      message: `\`${argument.name}\` is not valid on ${phrase}: it applies only to ${listed(argument.validFor)} endpoints.`,
      fixes: [{ title: `Remove ${argument.name}`, edits: [site.remove(argument.name)!] }],
    });
  }
  return problems;
}

function ignoredInEntry({ view, site, file }: EndpointContext, type: EndpointType): EndpointProblem[] {
  const problems: EndpointProblem[] = [];
  for (const [name, types] of PASSED_ONLY_FOR) {
    const written = site.state(name) === 'set' ? site.written(name) : undefined;
    if (!written || types.includes(type)) continue;
    const edit = site.remove(name);
    problems.push({
      file: file.path,
      range: written.range,
      message: `\`${name}\` in this entry is ignored: module.${view.entry!.call.name} passes it only to ${listed(types)} endpoints, and this one is ${type}.`,
      severity: 'warning',
      fixes: edit ? [{ title: `Remove ${name}`, edits: [edit] }] : [],
    });
  }
  return problems;
}

export const argumentsByTypeRule: Rule = { id: 'VPCE102', run: (analysis) => endpointFindings(analysis, check) };
