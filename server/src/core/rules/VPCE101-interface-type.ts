// VPCE101: an interface-only service (or a PrivateLink endpoint service) with
// `vpc_endpoint_type` missing or "Gateway": the provider default is Gateway, so AWS rejects it.
import type { EndpointView } from '../model/endpoints';
import { needsInterfaceType } from './endpoint/endpointType';
import { argumentOrHeader } from './endpoint/endpointSite';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './endpoint/perBlock';
import type { Rule } from './rule';

function subject(view: EndpointView): string {
  return view.service.kind === 'aws' ? `\`${view.service.shortName}\`` : `the PrivateLink endpoint service \`${view.serviceName ?? ''}\``;
}

function check({ view, site, file }: EndpointContext): EndpointProblem[] {
  if (!needsInterfaceType(view)) return [];
  const name = site.name('vpc_endpoint_type');
  const unset = site.written('vpc_endpoint_type') ? 'is null, so not set,' : 'is not set';
  const how = view.typeSource === 'provider default' ? `${name} ${unset} and defaults to "Gateway"` : `${name} is "Gateway"`;
  // An entry of a vpc-endpoints module call: the module finds no Gateway service of that name.
  const rejects = site.kind === 'module entry' ? `so module.${view.entry!.call.name} finds no such service and the plan fails` : 'so AWS rejects this endpoint';
  const edit = site.set('vpc_endpoint_type', '"Interface"');
  return [{
    file: file.path,
    range: argumentOrHeader(site, 'vpc_endpoint_type'),
    message: `Only Interface endpoints exist for %s, but ${how}, ${rejects}.`,
    subject: subject(view),
    fixes: edit ? [{ title: `Set ${name} = "Interface"`, edits: [edit] }] : [],
  }];
}

export const interfaceTypeRule: Rule = { id: 'VPCE101', run: (analysis) => endpointFindings(analysis, check) };
