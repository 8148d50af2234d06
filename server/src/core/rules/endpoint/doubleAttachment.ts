// VPCE112: a subnet, route table or security group attached to an endpoint both inline and by
// an aws_vpc_endpoint_*_association resource: the provider docs warn the two overwrite each
// other's associations on every apply.
import type { EvaluatedModule } from '../../analyzer';
import { evaluateArgument, referenceKey, referenceList } from '../../model/viewHelpers';
import { argumentOf } from './endpointSyntax';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './perBlock';
import type { Rule } from '../rule';

const KINDS = [
  { argument: 'subnet_ids', association: 'aws_vpc_endpoint_subnet_association', member: 'subnet_id', noun: 'subnet' },
  { argument: 'route_table_ids', association: 'aws_vpc_endpoint_route_table_association', member: 'route_table_id', noun: 'route table' },
  { argument: 'security_group_ids', association: 'aws_vpc_endpoint_security_group_association', member: 'security_group_id', noun: 'security group' },
] as const;

interface Attachment {
  type: string;
  member: string;
  address: string;
}

const indexes = new WeakMap<EvaluatedModule, Map<string, Attachment[]>>();

/** Every association resource instance of the module, by the endpoint instance it names. */
function associationIndex(module: EvaluatedModule): Map<string, Attachment[]> {
  const cached = indexes.get(module);
  if (cached) return cached;
  const { evaluator } = module;
  const index = new Map<string, Attachment[]>();
  for (const resource of evaluator.module.resources.values()) {
    const kind = KINDS.find((k) => k.association === resource.type);
    const instances = kind && resource.mode === 'managed' ? evaluator.refs.instances(resource) : undefined;
    if (!kind || !instances?.known) continue;
    for (const instance of instances.instances) {
      const endpoint = referenceKey(evaluateArgument(evaluator, instance, 'vpc_endpoint_id'));
      const member = referenceKey(evaluateArgument(evaluator, instance, kind.member));
      if (endpoint !== undefined && member !== undefined) index.set(endpoint, [...(index.get(endpoint) ?? []), { type: resource.type, member, address: instance.address }]);
    }
  }
  indexes.set(module, index);
  return index;
}

function check({ module, view, file }: EndpointContext): EndpointProblem[] {
  const problems: EndpointProblem[] = [];
  const attached = associationIndex(module).get(view.address) ?? [];
  if (attached.length === 0) return [];
  for (const kind of KINDS) {
    const attribute = argumentOf(view, kind.argument);
    if (!attribute) continue;
    const inline = referenceList(evaluateArgument(module.evaluator, view.instance, kind.argument))?.keys ?? [];
    for (const member of new Set(inline.filter((k): k is string => k !== undefined))) {
      const associations = attached.filter((a) => a.type === kind.association && a.member === member).map((a) => a.address);
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
