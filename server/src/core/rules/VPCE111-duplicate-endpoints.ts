// VPCE111: two Interface endpoints for the same service in the same VPC (the second costs money
// and, with private DNS, AWS refuses it), two Gateway endpoints for one service on a shared route
// table, and a service listed twice in the list a for_each is built from. GatewayLoadBalancer
// endpoints are one per AZ by design and are not compared. The later one is reported; when it comes from a for_each element or map entry,
// the fix removes that element.
import type { EvaluatedModule, ModuleAnalysis } from '../analysis';
import { removeListElement } from '../fixes/edits';
import type { EndpointView } from '../model/endpoints';
import { keyOrigin } from '../model/origins';
import { regionIsFromCode } from '../model/region';
import { staticKey } from '../parse/ast';
import { endpointCost, isPricingError } from '../pricing/cost';
import { formatMoney } from '../pricing/format';
import type { Fix, Location } from '../types';
import { argumentOrHeader, siteOf } from './endpoint/endpointSite';
import { checkedEndpoints } from './endpoint/checkedEndpoints';
import { containerOf } from './endpoint/literalSites';
import { fileOf } from './moduleFiles';
import type { Rule, RuleFinding } from './rule';

interface Placed {
  module: EvaluatedModule;
  view: EndpointView;
  /** The for_each element or map entry the instance comes from, if it can be told. */
  origin?: Location;
}

/** Same VPC, type, service and region means the same endpoint twice; undefined when any is unknown. */
function identity({ module, view }: Placed): string | undefined {
  const service = view.service;
  if (view.vpc === undefined || (view.type !== 'Interface' && view.type !== 'Gateway') || view.serviceName === undefined || view.serviceName.includes('${')) return undefined;
  if (service.kind !== 'aws' && service.kind !== 'privatelink') return undefined;
  if (service.kind === 'aws' && !service.known) return undefined;
  const region = service.region ?? (regionIsFromCode(view.region) ? view.region.region : `provider ${view.resource.provider} of ${module.prefix || 'the root'}`);
  const vpc = /^(var|local)\./.test(view.vpc) ? `${module.prefix}${view.vpc}` : view.vpc;
  const target = service.kind === 'aws' ? service.shortName : service.serviceId;
  return `${vpc}|${view.type}|${target}|${region}`;
}

/** Interface endpoints for one service always conflict; Gateway endpoints when they share a route table. */
function conflicts(a: EndpointView, b: EndpointView): boolean {
  if (a.type === 'Interface') return true;
  return a.routeTables.members.some((m) => b.routeTables.members.includes(m));
}

function placed(module: EvaluatedModule, view: EndpointView): Placed {
  const forEach = view.resource.forEach;
  const key = view.instance.key;
  const origin = view.entry ? view.entry.origin : forEach && typeof key === 'string' ? keyOrigin(module.evaluator.module, forEach, view.file, key) : undefined;
  return { module, view, ...(origin ? { origin } : {}) };
}

function position(p: Placed): [string, number, number] {
  const at = p.origin ?? { file: p.view.file, range: p.view.resource.block.range };
  return [at.file, at.range.start.line, at.range.start.character];
}

function byPosition(a: Placed, b: Placed): number {
  const [fa, la, ca] = position(a);
  const [fb, lb, cb] = position(b);
  return fa.localeCompare(fb) || la - lb || ca - cb || a.view.address.localeCompare(b.view.address);
}

function removal(p: Placed, what: string): Fix[] {
  const file = p.origin ? fileOf(p.module, p.origin.file) : undefined;
  const container = file && p.origin ? containerOf(file, p.origin.range) : undefined;
  return file && container ? [{ title: `Remove the duplicate ${what}`, edits: [removeListElement(file, container, container.index)] }] : [];
}

function monthlyCost(analysis: ModuleAnalysis, view: EndpointView): string {
  if (view.type !== 'Interface' && view.type !== 'GatewayLoadBalancer') return '';
  const { settings } = analysis;
  const estimate = endpointCost({
    endpointType: view.type, region: view.region.region, azCount: view.subnets.count ?? settings.defaultAzCount,
    monthlyDataGb: 0, hoursPerMonth: settings.hoursPerMonth, overrides: settings.pricingOverrides,
  });
  return !isPricingError(estimate) && estimate.priced && estimate.monthly > 0 ? ` costs ${formatMoney(estimate.monthly)}/month for nothing and` : '';
}

function duplicateEndpoints(analysis: ModuleAnalysis): RuleFinding[] {
  const all = analysis.modules.flatMap((m) => checkedEndpoints(m).map((v) => placed(m, v))).sort(byPosition);
  const first = new Map<string, Placed[]>();
  const findings: RuleFinding[] = [];
  for (const p of all) {
    const key = identity(p);
    if (key === undefined) continue;
    const kept = first.get(key)?.find((k) => conflicts(k.view, p.view));
    if (!kept) {
      first.set(key, [...(first.get(key) ?? []), p]);
      continue;
    }
    const { view } = p;
    const fixes = removal(p, view.entry ? 'entry' : 'element');
    const site = siteOf(p.module, view);
    const name = view.service.kind === 'aws' ? view.service.shortName : view.serviceName;
    findings.push({
      file: fixes.length > 0 && p.origin ? p.origin.file : site?.file.path ?? view.file,
      range: fixes.length > 0 && p.origin ? p.origin.range : site ? argumentOrHeader(site, 'service_name') : view.resource.block.headerRange,
      message: `${kept.view.address} is already ${view.type === 'Interface' ? 'an' : 'a'} ${view.type} endpoint for \`${name}\` in this VPC, so this one${monthlyCost(analysis, view)} conflicts with it${view.type === 'Interface' ? ' (AWS allows private DNS for a service once per VPC)' : ''}.`,
      address: view.address,
      fixes,
    });
  }
  return [...findings, ...repeatedElements(all)];
}

/** A string repeated in the list literal a for_each key comes from: only one endpoint results. */
function repeatedElements(all: Placed[]): RuleFinding[] {
  const findings = new Map<string, RuleFinding>();
  for (const p of all) {
    const file = p.origin ? fileOf(p.module, p.origin.file) : undefined;
    const container = file && p.origin ? containerOf(file, p.origin.range) : undefined;
    const tuple = container?.container;
    if (!file || !container || tuple?.kind !== 'tuple') continue;
    const items = tuple.items;
    const value = staticKey(items[container.index]!);
    items.forEach((item, index) => {
      if (index <= container.index || value === undefined || staticKey(item) !== value) return;
      const id = `${file.path}:${item.range.start.line}:${item.range.start.character}`;
      findings.set(id, {
        file: file.path,
        range: item.range,
        message: `"${value}" is already in this list, so this element adds no endpoint: a for_each key exists once.`,
        address: p.view.address,
        fixes: [{ title: 'Remove the repeated element', edits: [removeListElement(file, tuple, index)] }],
      });
    });
  }
  return [...findings.values()];
}

export const duplicateEndpointsRule: Rule = { id: 'VPCE111', run: duplicateEndpoints };
