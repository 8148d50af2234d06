// VPCE105: an Interface endpoint of an AWS service without private_dns_enabled = true: clients
// keep resolving the service's public name and go through NAT. Silent when the module points
// its own Route 53 records at the endpoint, or manages private DNS with
// aws_vpc_endpoint_private_dns; not for PrivateLink services or gateway-capable ones.
import dnsData from './data/private-dns.json';
import type { EvaluatedModule } from '../analysis';
import type { EndpointView } from '../model/endpoints';
import type { Body } from '../parse/ast';
import { referencedAddresses } from '../model/viewHelpers';
import { serviceByShortName } from '../services/catalogue';
import { intendedType } from './endpoint/endpointType';
import { argumentOrHeader } from './endpoint/endpointSite';
import { originLiteral } from './endpoint/literalSites';
import { resourcesOfType } from './endpoint/moduleResources';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './endpoint/perBlock';
import type { Rule } from './rule';

const REQUIRED_BY = dnsData.requiredBy as Record<string, { why: string; source: string }>;
/** Resources whose references to an endpoint mean its DNS is handled on purpose. */
const DNS_HANDLERS = ['aws_route53_record', 'aws_vpc_endpoint_private_dns'];

function bodyReferences(body: Body): string[] {
  return [...body.attributes.flatMap((a) => referencedAddresses(a.expr)), ...body.blocks.flatMap((b) => bodyReferences(b.body))];
}

function dnsHandledElsewhere(module: EvaluatedModule, view: EndpointView): boolean {
  const address = view.entry ? `module.${view.entry.call.name}` : view.resource.address;
  return DNS_HANDLERS.some((type) => resourcesOfType(module, type).some((r) => bodyReferences(r.block.body).includes(address)));
}

function check({ module, view, site, file }: EndpointContext): EndpointProblem[] {
  if (intendedType(view) !== 'Interface' || view.service.kind !== 'aws') return [];
  if (view.privateDnsEnabled === true || view.privateDnsEnabled === 'unknown') return [];
  const service = serviceByShortName(view.service.shortName);
  if (!service || service.gateway || dnsHandledElsewhere(module, view)) return [];
  const required = REQUIRED_BY[service.shortName];
  const written = site.written('private_dns_enabled');
  const state = view.privateDnsEnabled === false ? 'private_dns_enabled = false'
    : `private_dns_enabled is ${written ? 'null, so not set' : 'not set'}, and false is the default`;
  const consequence = required ? `but ${required.why}` : 'so clients keep resolving the public service name and go out through NAT (or fail without it)';
  // In a map of objects driving for_each, the `false` to change is the instance's own entry.
  const entry = written && written.expr.kind !== 'literal' ? originLiteral(module, view, false) : undefined;
  const edit = entry
    ? { file: entry.file.path, range: entry.literal.range, newText: 'true' }
    : site.set('private_dns_enabled', 'true');
  return [{
    file: edit?.file ?? file.path,
    range: entry ? entry.literal.range : argumentOrHeader(site, 'private_dns_enabled'),
    message: `Private DNS is off for the %s Interface endpoint (${state}), ${consequence}.`,
    subject: `\`${service.shortName}\``,
    fixes: edit ? [{ title: entry ? 'Set it to true for this endpoint' : `Set private_dns_enabled = true${site.kind === 'module entry' ? ' in this entry' : ''}`, edits: [edit] }] : [],
    ...(required ? { severity: 'error' as const } : {}),
  }];
}

export const privateDnsRule: Rule = { id: 'VPCE105', run: (analysis) => endpointFindings(analysis, check) };
