// VPCE103: an Interface endpoint in no subnet (it has no network interface, nothing reaches it).
// VPCE104: a Gateway endpoint on no route table (no traffic is routed to it, it has no effect).
// Association resources count (model/associations.ts); the fix references the module's own
// private subnets / route tables when they can be identified (privateNetwork.ts).
import type { EvaluatedModule } from '../../analyzer';
import { insertAttribute, setAttribute } from '../../fixes/edits';
import type { Attachments, EndpointType, EndpointView } from '../../model/endpoints';
import { argumentState, referencedAddresses } from '../../model/viewHelpers';
import { intendedType } from './endpointType';
import { argumentOf, argumentOrHeader } from './endpointSyntax';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './perBlock';
import { privateRouteTableIds, privateSubnetIds } from './privateNetwork';
import type { Rule } from '../rule';

interface MissingAttachment {
  type: EndpointType;
  argument: string;
  association: string;
  attachments: (view: EndpointView) => Attachments;
  reference: (module: EvaluatedModule, vpc: string | undefined, vpcIdReferences: string[]) => string | undefined;
  /** What the endpoint is, and what follows from it; the first `%s` is filled in by the rule, the second is the subject. */
  consequence: string;
}

function missingAttachment(spec: MissingAttachment) {
  return ({ module, view, file }: EndpointContext): EndpointProblem[] => {
    if (view.service.kind === 'none' || intendedType(view) !== spec.type || spec.attachments(view).count !== 0) return [];
    const written = argumentOf(view, spec.argument);
    const vpcId = argumentOf(view, 'vpc_id');
    const value = spec.reference(module, view.vpc, vpcId ? referencedAddresses(vpcId.expr) : []);
    const block = view.resource.block;
    const fixes = value === undefined ? [] : [{
      title: `Set ${spec.argument} = ${value}`,
      edits: [written ? setAttribute(file, block, spec.argument, value) : insertAttribute(file, block, spec.argument, value)],
    }];
    const state = !written ? `no ${spec.argument}` : argumentState(module.evaluator, view.instance, spec.argument) === 'unset' ? `${spec.argument} is null` : `${spec.argument} is empty`;
    const why = `${state} and no ${spec.association}`;
    const subject = view.service.kind === 'aws' ? `\`${view.service.shortName}\`` : 'its service';
    return [{ file: file.path, range: argumentOrHeader(view, spec.argument), message: spec.consequence.replace('%s', why), subject, fixes }];
  };
}

const subnets = missingAttachment({
  type: 'Interface',
  argument: 'subnet_ids',
  association: 'aws_vpc_endpoint_subnet_association',
  attachments: (view) => view.subnets,
  reference: privateSubnetIds,
  consequence: 'This Interface endpoint is in no subnet (%s), so it has no network interface and nothing can reach %s through it.',
});

const routeTables = missingAttachment({
  type: 'Gateway',
  argument: 'route_table_ids',
  association: 'aws_vpc_endpoint_route_table_association',
  attachments: (view) => view.routeTables,
  reference: privateRouteTableIds,
  consequence: 'This Gateway endpoint is on no route table (%s), so no traffic to %s is routed through it and it has no effect.',
});

export const missingSubnetsRule: Rule = { id: 'VPCE103', run: (analysis) => endpointFindings(analysis, subnets) };
export const missingRouteTablesRule: Rule = { id: 'VPCE104', run: (analysis) => endpointFindings(analysis, routeTables) };
