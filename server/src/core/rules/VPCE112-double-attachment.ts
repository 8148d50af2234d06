// VPCE112: a subnet, route table or security group attached to an endpoint both inline and by
// an aws_vpc_endpoint_*_association resource: the provider docs warn the two overwrite each
// other's associations on every apply.
import { associationsOf, type AssociationKind } from '../model/associations';
import { evaluateArgument, referenceList } from '../model/viewHelpers';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './endpoint/perBlock';
import type { Rule } from './rule';

const KINDS: readonly { argument: string; kind: AssociationKind; noun: string }[] = [
  { argument: 'subnet_ids', kind: 'subnet', noun: 'subnet' },
  { argument: 'route_table_ids', kind: 'route_table', noun: 'route table' },
  { argument: 'security_group_ids', kind: 'security_group', noun: 'security group' },
];

function check({ module, view, site, file }: EndpointContext): EndpointProblem[] {
  const problems: EndpointProblem[] = [];
  // Association resources name aws_vpc_endpoint resources; a module's endpoints are out of their reach.
  if (site.kind !== 'resource') return [];
  for (const kind of KINDS) {
    const attribute = site.written(kind.argument);
    if (!attribute) continue;
    // The association index is built once per analysis (model/associations.ts).
    const attached = associationsOf(module.evaluator, view.instance, kind.kind).associations;
    if (attached.length === 0) continue;
    const inline = referenceList(evaluateArgument(module.evaluator, view.instance, kind.argument))?.keys ?? [];
    for (const member of new Set(inline.filter((k): k is string => k !== undefined))) {
      const associations = attached.filter((a) => a.member === member).map((a) => a.address);
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
