// VPCE106's fix: a security group for the endpoint with one ingress rule for the service port
// from the VPC's CIDR, written in the module's own way of writing ingress rules (separate
// aws_vpc_security_group_ingress_rule, legacy aws_security_group_rule, or inline `ingress`),
// and a reference to it from the endpoint.
import type { EvaluatedModule } from '../../analysis';
import { appendListElement, insertAfterBlock } from '../../fixes/edits';
import { blockText, resourceName, styleOf, type TextStyle } from '../../fixes/terraformText';
import type { EndpointView } from '../../model/endpoints';
import type { Fix, TextEdit } from '../../types';
import type { EndpointSite } from './endpointSite';
import { resourcesOfType } from './moduleResources';
import type { VpcReference } from './vpcReference';

type IngressStyle = 'aws_vpc_security_group_ingress_rule' | 'aws_security_group_rule' | 'inline';

function ingressStyle(module: EvaluatedModule): IngressStyle {
  if (resourcesOfType(module, 'aws_vpc_security_group_ingress_rule').length > 0) return 'aws_vpc_security_group_ingress_rule';
  if (resourcesOfType(module, 'aws_security_group_rule').length > 0) return 'aws_security_group_rule';
  if (resourcesOfType(module, 'aws_security_group').some((r) => r.block.body.blocks.some((b) => b.type === 'ingress'))) return 'inline';
  return 'aws_vpc_security_group_ingress_rule';
}

const NO_RESERVED: ReadonlySet<string> = new Set();

function indent(text: string, unit: string): string {
  return text.split('\n').map((line) => `${unit}${line}`).join('\n');
}

function groupBlocks(module: EvaluatedModule, site: EndpointSite, view: EndpointView, vpc: VpcReference, port: number, style: TextStyle): { group: string; text: string } {
  const tf = module.evaluator.module;
  const group = resourceName(tf, 'aws_security_group', `${site.baseName}_vpce`, NO_RESERVED);
  const what = port === 443 ? 'HTTPS' : `TCP ${port}`;
  const description = `"${what} from the VPC"`;
  const target = view.entry ? `module.${view.entry.call.name} endpoints` : view.resource.address;
  const groupAttributes: [string, string][] = [['description', `"${what} from the VPC to ${target}"`], ['vpc_id', vpc.id]];
  const ports: [string, string][] = [['from_port', String(port)], ['to_port', String(port)]];
  const kind = ingressStyle(module);
  if (kind === 'inline') {
    const ingress = blockText('ingress', [['description', description], ...ports, ['protocol', '"tcp"'], ['cidr_blocks', `[${vpc.cidr}]`]], style);
    const outer = blockText(`resource "aws_security_group" "${group}"`, groupAttributes, style).split('\n');
    return { group, text: [...outer.slice(0, -1), '', indent(ingress, style.unit), '}'].join('\n') };
  }
  const rule = resourceName(tf, kind, `${group}_${port === 443 ? 'https' : port}`, NO_RESERVED);
  const ruleAttributes: [string, string][] = kind === 'aws_vpc_security_group_ingress_rule'
    ? [['security_group_id', `aws_security_group.${group}.id`], ['description', description], ['cidr_ipv4', vpc.cidr], ...ports, ['ip_protocol', '"tcp"']]
    : [['type', '"ingress"'], ['security_group_id', `aws_security_group.${group}.id`], ['description', description], ...ports, ['protocol', '"tcp"'], ['cidr_blocks', `[${vpc.cidr}]`]];
  const text = [blockText(`resource "aws_security_group" "${group}"`, groupAttributes, style), blockText(`resource "${kind}" "${rule}"`, ruleAttributes, style)].join('\n\n');
  return { group, text };
}

/**
 * undefined when the endpoint's security_group_ids cannot take one more element by a small edit.
 * For an entry of a vpc-endpoints module call, the group goes on the call's security_group_ids
 * (every Interface endpoint of the call gets it) when the call has none, else in the entry.
 */
export function securityGroupFix(module: EvaluatedModule, site: EndpointSite, view: EndpointView, vpc: VpcReference, port: number): Fix | undefined {
  const { file, block } = site.anchor;
  const sharedInput = site.shared && !site.shared.written('security_group_ids') ? site.shared : undefined;
  const written = sharedInput ? undefined : site.written('security_group_ids');
  // Written as null it is not set: the fix writes the list in its place.
  const unset = written !== undefined && site.state('security_group_ids') === 'unset';
  if (view.securityGroups.viaAssociations > 0 || (written && written.expr.kind !== 'tuple' && !unset)) return undefined;
  const { group, text } = groupBlocks(module, site, view, vpc, port, styleOf([block, ...resourcesOfType(module, 'aws_security_group').map((r) => r.block)]));
  const reference = `aws_security_group.${group}.id`;
  const attach: TextEdit | undefined = sharedInput ? sharedInput.set('security_group_ids', `[${reference}]`)
    : written?.expr.kind === 'tuple' ? appendListElement(site.file, written.expr, reference) : site.set('security_group_ids', `[${reference}]`);
  if (!attach) return undefined;
  const where = sharedInput ? ` to every Interface endpoint of ${sharedInput.what}` : '';
  return { title: `Add security group ${group} (TCP ${port} from the VPC) and attach it${where}`, edits: [attach, insertAfterBlock(file, block, text)] };
}
