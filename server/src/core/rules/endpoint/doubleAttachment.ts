// VPCE112: a subnet, route table or security group attached to an endpoint both inline and by
// an aws_vpc_endpoint_*_association resource: the provider docs warn the two overwrite each
// other's associations on every apply.
import type { EvaluatedModule } from '../../analyzer';
import type { EndpointView } from '../../model/endpoints';
import { evaluateArgument, referenceKey, referenceList } from '../../model/viewHelpers';
import { argumentOf } from './endpointSyntax';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './perBlock';
import type { Rule } from '../rule';

const KINDS = [
  { argument: 'subnet_ids', association: 'aws_vpc_endpoint_subnet_association', member: 'subnet_id', noun: 'subnet' },
  { argument: 'route_table_ids', association: 'aws_vpc_endpoint_route_table_association', member: 'route_table_id', noun: 'route table' },
  { argument: 'security_group_ids', association: 'aws_vpc_endpoint_security_group_association', member: 'security_group_id', noun: 'security group' },
] as const;

/** Association instances of `type` that attach `member` to the endpoint instance, by address. */
function associationsAttaching(module: EvaluatedModule, view: EndpointView, type: string, memberArgument: string, member: string): string[] {
  const { evaluator } = module;
  const found: string[] = [];
  for (const resource of evaluator.module.resources.values()) {
    if (resource.mode !== 'managed' || resource.type !== type) continue;
    const instances = evaluator.refs.instances(resource);
    if (!instances.known) continue;
    for (const instance of instances.instances) {
      if (referenceKey(evaluateArgument(evaluator, instance, 'vpc_endpoint_id')) !== view.address) continue;
      if (referenceKey(evaluateArgument(evaluator, instance, memberArgument)) === member) found.push(instance.address);
    }
  }
  return found;
}

function check({ module, view, file }: EndpointContext): EndpointProblem[] {
  const problems: EndpointProblem[] = [];
  for (const kind of KINDS) {
    const attribute = argumentOf(view, kind.argument);
    if (!attribute) continue;
    const inline = referenceList(evaluateArgument(module.evaluator, view.instance, kind.argument))?.keys ?? [];
    for (const member of new Set(inline.filter((k): k is string => k !== undefined))) {
      const associations = associationsAttaching(module, view, kind.association, kind.member, member);
      if (associations.length === 0) continue;
      problems.push({
        file: file.path,
        range: attribute.range,
        message: `The ${kind.noun} ${member} is attached here and by ${associations.join(', ')}; the two overwrite each other's association, so keep one.`,
      });
    }
  }
  return problems;
}

export const doubleAttachmentRule: Rule = { id: 'VPCE112', run: (analysis) => endpointFindings(analysis, check) };
