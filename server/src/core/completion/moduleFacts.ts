// What completion needs to know about the module around the cursor: the region and AZ count
// that prices are shown for, how the module writes the region in service names, which
// services it already has endpoints for, and which endpoint blocks a `locals` list drives.
// The analysis may be a keystroke old; the current file's blocks come from the scan.
import type { ModuleAnalysis } from '../analysis';
import { type Expr, findAttribute, referenceParts } from '../parse/ast';
import type { EndpointType } from '../model/endpoints';
import { PROVIDER_DEFAULT_TYPE, asEndpointType } from '../services/endpointTypes';
import type { Resource } from '../model/module';
import { type RegionResolution, providerRegion, resolveRegion } from '../model/region';
import { regionDataSourceReference } from '../model/regionAttribute';
import { MODULE_SCOPE } from '../model/scope';
import { referencedAddresses } from '../model/viewHelpers';
import { parseServiceName } from '../services/catalogue';
import type { ScannedBlock } from './scanned';

const ENDPOINT_RESOURCE = 'aws_vpc_endpoint';

export interface AzBasis {
  count: number;
  /** Where the count comes from, for the documentation. */
  source: string;
}

/** An endpoint block, from the analysis or the current file's scan. */
export interface EndpointBlock {
  /** `aws_vpc_endpoint.<name>`. */
  address: string;
  /** undefined when `vpc_endpoint_type` is an expression that cannot be known. */
  type: EndpointType | undefined;
  /** True when `vpc_endpoint_type` is not written (the provider's default, Gateway). */
  typeDefaulted: boolean;
}

/** The region an endpoint block (or, without one, the module's `aws` provider) is priced in. */
export function regionOf(analysis: ModuleAnalysis, address: string | undefined): RegionResolution {
  const evaluator = analysis.root.evaluator;
  const resource = address ? evaluator.module.resources.get(address) : undefined;
  if (!resource) return providerRegion(evaluator, 'aws');
  return resolveRegion(evaluator, { resource, address: resource.address, scope: MODULE_SCOPE });
}

/** The AZ count an interface endpoint of `address` is priced at: its subnets, else the setting. */
export function azBasisOf(analysis: ModuleAnalysis, addresses: readonly string[]): AzBasis {
  for (const address of addresses) {
    const view = analysis.root.endpoints.find((e) => e.resource.address === address && e.subnets.count !== undefined && e.subnets.count > 0);
    if (view?.subnets.count !== undefined) return { count: view.subnets.count, source: `the subnets of ${address} (${view.subnets.source})` };
  }
  const count = analysis.settings.defaultAzCount;
  return { count, source: `assumed: the vpceLens.defaultAzCount setting (${count})` };
}

/**
 * How the module writes the region segment of a new service name: as its endpoints already
 * do (`${data.aws_region.current.name}`, `${var.region}`, `eu-west-1`), else through its
 * `aws_region` data source (`.region`, or `.name` when the AWS provider constraints rule out
 * v6: model/regionAttribute.ts, as the quick fixes), else the literal region.
 */
export function regionTextOf(analysis: ModuleAnalysis, region: RegionResolution): string {
  const counts = new Map<string, number>();
  for (const resource of endpointResources(analysis)) {
    const text = regionSegment(findAttribute(resource.block.body, 'service_name')?.expr);
    if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const used = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (used) return used[0];
  const dataSource = regionDataSourceReference(analysis.root.evaluator.module, analysis.modules.map((m) => m.evaluator.module));
  return dataSource ? `\${${dataSource}}` : region.region;
}

function regionSegment(expr: Expr | undefined): string | undefined {
  if (expr?.kind === 'literal' && typeof expr.value === 'string') {
    const parsed = parseServiceName(expr.value);
    return parsed.kind === 'aws' ? parsed.region : undefined;
  }
  if (expr?.kind !== 'template') return undefined;
  const [head, interpolation] = expr.parts;
  if (head?.kind !== 'text' || !/^(com\.amazonaws|aws\.sagemaker|aws\.api)\.$/.test(head.text) || interpolation?.kind !== 'interpolation') return undefined;
  const parts = referenceParts(interpolation.expr);
  return parts && parts.length >= 2 ? `\${${parts.join('.')}}` : undefined;
}

/** Short names of the AWS services the module's endpoints already connect to. */
export function servicesInModule(analysis: ModuleAnalysis): Set<string> {
  const names = new Set<string>();
  for (const endpoint of [...analysis.root.endpoints, ...analysis.root.registry.endpoints]) if (endpoint.service.kind === 'aws') names.add(endpoint.service.shortName);
  return names;
}

/** The endpoint blocks whose `for_each` reads `local.<name>`: in the analysis, or in the current file. */
export function endpointsDrivenBy(analysis: ModuleAnalysis, fileBlocks: readonly ScannedBlock[], localName: string): EndpointBlock[] {
  const found = new Map<string, EndpointBlock>();
  for (const resource of endpointResources(analysis)) {
    if (resource.forEach && referencedAddresses(resource.forEach).includes(`local.${localName}`)) {
      found.set(resource.address, declaredTypeOf(analysis, resource));
    }
  }
  const reference = new RegExp(`\\blocal\\.${localName.replace(/[^A-Za-z0-9_]/g, '')}\\b`);
  for (const block of fileBlocks) {
    const forEach = block.attributes.find((a) => a.name === 'for_each');
    if (isEndpointBlock(block) && forEach && reference.test(forEach.valueText)) {
      found.set(`${ENDPOINT_RESOURCE}.${block.labels[1]}`, scannedEndpoint(block));
    }
  }
  return [...found.values()];
}

export function isEndpointBlock(block: ScannedBlock): boolean {
  return isEndpointHeader(block.type, block.labels);
}

/** A block header `resource "aws_vpc_endpoint" "<name>"`. */
export function isEndpointHeader(type: string, labels: readonly string[]): boolean {
  return type === 'resource' && labels[0] === ENDPOINT_RESOURCE && labels[1] !== undefined;
}

/** An endpoint block as the scan of the current text sees it. */
export function scannedEndpoint(block: ScannedBlock): EndpointBlock {
  const typeAttribute = block.attributes.find((a) => a.name === 'vpc_endpoint_type');
  const written = typeAttribute?.stringValue;
  // `vpc_endpoint_type = null` is not set either.
  const defaulted = typeAttribute === undefined || typeAttribute.valueText.trim() === 'null';
  return {
    address: `${ENDPOINT_RESOURCE}.${block.labels[1] ?? ''}`,
    type: defaulted ? PROVIDER_DEFAULT_TYPE : asEndpointType(written),
    typeDefaulted: defaulted,
  };
}

function declaredTypeOf(analysis: ModuleAnalysis, resource: Resource): EndpointBlock {
  const attribute = findAttribute(resource.block.body, 'vpc_endpoint_type');
  const value = attribute ? analysis.root.evaluator.evaluate(attribute.expr, MODULE_SCOPE) : null;
  // Not written, or null (unset): the provider's default.
  return { address: resource.address, type: asEndpointType(value ?? PROVIDER_DEFAULT_TYPE), typeDefaulted: value === null };
}


function endpointResources(analysis: ModuleAnalysis): Resource[] {
  return [...analysis.root.evaluator.module.resources.values()].filter((r) => r.mode === 'managed' && r.type === ENDPOINT_RESOURCE);
}
