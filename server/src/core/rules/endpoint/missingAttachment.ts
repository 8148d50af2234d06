// What VPCE103 (no subnets) and VPCE104 (no route tables) share: an endpoint with none of an
// attachment it needs. Association resources count (model/associations.ts); the fix references the module's own
// private subnets / route tables when they can be identified (privateNetwork.ts). In an entry
// of a vpc-endpoints module call the fix sets the entry's own list, or, for subnets, the call's
// `subnet_ids`, which the module gives every Interface endpoint.
import type { EvaluatedModule } from '../../analysis';
import type { Attachments, EndpointType, EndpointView } from '../../model/endpoints';
import { referencedAddresses } from '../../model/viewHelpers';
import type { Fix } from '../../types';
import { intendedType } from './endpointType';
import { argumentOrHeader, type EndpointSite } from './endpointSite';
import type { EndpointContext, EndpointProblem } from './perBlock';

export interface MissingAttachment {
  type: EndpointType;
  argument: string;
  association: string;
  attachments: (view: EndpointView) => Attachments;
  reference: (module: EvaluatedModule, vpc: string | undefined, vpcIdReferences: string[]) => string | undefined;
  /** The module call's input that every entry shares, when the module has one for this argument. */
  sharedInput?: string;
  /** What the endpoint is, and what follows from it; the first `%s` is filled in by the rule, the second is the subject. */
  consequence: string;
}

export function missingAttachment(spec: MissingAttachment) {
  return ({ module, view, site, file }: EndpointContext): EndpointProblem[] => {
    if (view.service.kind === 'none' || intendedType(view) !== spec.type || spec.attachments(view).count !== 0) return [];
    const written = site.written(spec.argument);
    const vpcId = site.written('vpc_id');
    const value = spec.reference(module, view.vpc, vpcId ? referencedAddresses(vpcId.expr) : []);
    const fixes = value === undefined ? [] : fixesFor(site, spec, value);
    const state = !written ? `no ${spec.argument}` : site.state(spec.argument) === 'unset' ? `${spec.argument} is null` : `${spec.argument} is empty`;
    const shared = spec.sharedInput !== undefined && site.shared ? ` in the entry or on ${site.shared.what}` : '';
    const why = site.kind === 'module entry' ? `${state}${shared}` : `${state} and no ${spec.association}`;
    const subject = view.service.kind === 'aws' ? `\`${view.service.shortName}\`` : 'its service';
    return [{ file: file.path, range: argumentOrHeader(site, spec.argument), message: spec.consequence.replace('%s', why), subject, fixes }];
  };
}

/** The argument set where the endpoint is written; for an entry also the call's shared input when it has none. */
function fixesFor(site: EndpointSite, spec: MissingAttachment, value: string): Fix[] {
  const fixes: Fix[] = [];
  const own = site.set(spec.argument, value);
  if (own) fixes.push({ title: `Set ${spec.argument} = ${value}${site.kind === 'module entry' ? ' in this entry' : ''}`, edits: [own] });
  if (spec.sharedInput !== undefined && site.shared && !site.shared.written(spec.sharedInput)) {
    fixes.push({ title: `Set ${spec.sharedInput} = ${value} on ${site.shared.what} (every Interface endpoint of the call)`, edits: [site.shared.set(spec.sharedInput, value)] });
  }
  return fixes;
}
