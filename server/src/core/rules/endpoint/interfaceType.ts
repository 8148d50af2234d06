// VPCE101: an interface-only service (or a PrivateLink endpoint service) with
// `vpc_endpoint_type` missing or "Gateway": the provider default is Gateway, so AWS rejects it.
import type { EndpointView } from '../../model/endpoints';
import { setAttribute } from '../../fixes/edits';
import type { Fix } from '../../types';
import { needsInterfaceType } from './endpointType';
import { argumentOf, argumentOrHeader } from './endpointSyntax';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './perBlock';
import type { Rule } from '../rule';

function subject(view: EndpointView): string {
  return view.service.kind === 'aws' ? `\`${view.service.shortName}\`` : `the PrivateLink endpoint service \`${view.serviceName ?? ''}\``;
}

function check({ view, file }: EndpointContext): EndpointProblem[] {
  if (!needsInterfaceType(view)) return [];
  const unset = argumentOf(view, 'vpc_endpoint_type') ? 'is null, so not set,' : 'is not set';
  const how = view.typeSource === 'provider default' ? `vpc_endpoint_type ${unset} and defaults to "Gateway"` : 'vpc_endpoint_type is "Gateway"';
  const fix: Fix = { title: 'Set vpc_endpoint_type = "Interface"', edits: [setAttribute(file, view.resource.block, 'vpc_endpoint_type', '"Interface"')] };
  return [{
    file: file.path,
    range: argumentOrHeader(view, 'vpc_endpoint_type'),
    message: `Only Interface endpoints exist for %s, but ${how}, so AWS rejects this endpoint.`,
    subject: subject(view),
    fixes: [fix],
  }];
}

export const interfaceTypeRule: Rule = { id: 'VPCE101', run: (analysis) => endpointFindings(analysis, check) };
