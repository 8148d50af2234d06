#!/usr/bin/env node
// Builds the catalogues vpce-lens ships (prices, endpoint services, dependency groups) from the
// reference facts. Runtime code reads only the committed output, never the reference folder.
//
//   node server/scripts/build-catalogue.mjs [REFERENCE_DIR]   (default ../shared/reference)
//
// REFERENCE_DIR is resolved against the current directory; the output paths are fixed relative
// to this script. Exits 1 with a message when the reference data is not what we expect, so a
// changed upstream shape is noticed instead of shipped.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endpointGroups, groupsGeneratedFrom } from './catalogue-groups.mjs';

const referenceDir = resolve(process.argv[2] ?? '../shared/reference');
const coreDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core');
const pricesOut = join(coreDir, 'pricing', 'data', 'prices.json');
const servicesOut = join(coreDir, 'services', 'data', 'services.json');
const groupsOut = join(coreDir, 'services', 'data', 'groups.json');

function fail(message) {
  console.error(`build-catalogue: ${message}`);
  process.exit(1);
}

function readJson(name) {
  const path = join(referenceDir, name);
  if (!existsSync(path)) fail(`${path} not found (pass the reference folder as the first argument)`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

function price(value, where) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    fail(`${where}: expected a non-negative price, got ${JSON.stringify(value)}`);
  }
  return value;
}

function dateOnly(timestamp, where) {
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(String(timestamp));
  if (!match) fail(`${where}: expected an ISO timestamp, got ${JSON.stringify(timestamp)}`);
  return match[1];
}

// A source entry is an object of url(s)/repo/path/what; flatten it to one readable line.
function sourceText(entry) {
  if (typeof entry === 'string') return entry;
  const parts = [];
  if (entry.url) parts.push(entry.url);
  if (entry.urls) parts.push(...entry.urls);
  if (entry.repo) parts.push(`github.com/${entry.repo}`);
  if (entry.path) parts.push(entry.path);
  if (entry.paths) parts.push(...entry.paths);
  if (entry.what) parts.push(entry.what);
  return parts.join(' | ');
}

function buildPrices(feed) {
  const sources = Object.fromEntries(Object.entries(feed.sources).map(([id, entry]) => [id, sourceText(entry)]));
  const regions = {};
  for (const [region, entry] of Object.entries(feed.regions).sort(([a], [b]) => a.localeCompare(b))) {
    const iface = entry.interface_endpoint;
    const gwlb = entry.gwlb_endpoint;
    const nat = entry.nat_gateway;
    const tiers = iface.data_processing_tiers.map((tier, i) => ({
      fromGb: price(tier.from_gb, `${region} tier ${i} from_gb`),
      toGb: tier.to_gb === null ? null : price(tier.to_gb, `${region} tier ${i} to_gb`),
      perGb: price(tier.usd_per_gb, `${region} tier ${i} usd_per_gb`),
    }));
    tiers.forEach((tier, i) => {
      const expectedFrom = i === 0 ? 0 : tiers[i - 1].toGb;
      if (tier.fromGb !== expectedFrom) fail(`${region}: data tiers are not contiguous at tier ${i}`);
      if ((tier.toGb === null) !== (i === tiers.length - 1)) fail(`${region}: only the last data tier may be open-ended`);
    });
    // Sources named in corroboration notes count too: they are why a figure is trusted.
    const cited = [iface.source, gwlb.source, nat.source, entry.gateway_endpoint?.source];
    for (const note of entry.corroboration ?? []) cited.push(...(String(note.evidence).match(/S_[A-Z0-9_]+/g) ?? []));
    regions[region] = {
      name: entry.region_name_in_feed,
      interfaceHourlyPerAz: price(iface.hourly_per_az_usd, `${region} interface hourly`),
      interfaceDataTiers: tiers,
      gwlbEndpointHourly: price(gwlb.hourly_per_az_usd, `${region} GWLB endpoint hourly`),
      gwlbEndpointPerGb: price(gwlb.per_gb_usd, `${region} GWLB endpoint per GB`),
      natHourly: price(nat.hourly_usd, `${region} NAT hourly`),
      natPerGb: price(nat.per_gb_usd, `${region} NAT per GB`),
      sources: [...new Set(cited.filter((id) => id && id in sources))],
      corroborated: entry.corroboration?.map((note) => note.field) ?? [],
    };
  }
  if (Object.keys(regions).length !== 36) fail(`expected 36 regions, found ${Object.keys(regions).length}`);
  return {
    currency: feed.currency,
    asOf: {
      vpcFeed: dateOnly(feed.as_of.vpc_feed_publication, 'as_of.vpc_feed_publication'),
      natFeed: dateOnly(feed.as_of.natgateway_feed_publication, 'as_of.natgateway_feed_publication'),
    },
    retrievedNote: feed.retrieved,
    generatedFrom: 'aws-pricing.json (vpce-lens reference facts) by server/scripts/build-catalogue.mjs',
    sources,
    hoursPerMonthConvention: feed.hours_per_month_convention,
    billingModel: {
      interfaceEndpoint: feed.billing_model.interface_endpoint,
      gwlbEndpoint: feed.billing_model.gwlb_endpoint,
      gatewayEndpoint: feed.billing_model.gateway_endpoint,
      natGateway: feed.billing_model.nat_gateway,
    },
    caveats: feed.caveats,
    regions,
  };
}

function buildServices(reference, compiledMonth) {
  const services = {};
  for (const [shortName, entry] of Object.entries(reference.services).sort(([a], [b]) => a.localeCompare(b))) {
    const template = entry.service_name_template;
    if (typeof template !== 'string' || !template.endsWith(shortName)) {
      fail(`service ${shortName}: template ${JSON.stringify(template)} does not end with its short name`);
    }
    if (entry.global_service_name === template.includes('<region>')) {
      fail(`service ${shortName}: global flag disagrees with template ${template}`);
    }
    services[shortName] = {
      interface: entry.interface,
      gateway: entry.gateway === true,
      description: entry.description,
      template,
      global: entry.global_service_name === true,
      port: entry.port,
      fips: entry.fips_variant === true,
      sources: entry.sources,
    };
  }
  if (Object.keys(services).length !== reference.count) {
    fail(`services.count says ${reference.count}, found ${Object.keys(services).length}`);
  }
  const rules = reference.naming_rules;
  const exceptions = Object.entries(rules.exceptions)
    .filter(([, names]) => Array.isArray(names) && names.length > 0)
    .map(([template, names]) => ({ template, services: names }));
  return {
    asOf: compiledMonth,
    generatedFrom: `${reference.generated_from}; built from aws-endpoint-services.json by server/scripts/build-catalogue.mjs`,
    sources: reference.sources,
    namingRules: {
      default: rules.default,
      privateLink: rules.exceptions['customer/partner endpoint services'],
      exceptions,
      note: rules.note,
      chinaPartitions: Object.keys(rules.exceptions).find((key) => key.startsWith('cn ')) ?? null,
      runtimeCheck: rules.authoritative_runtime_check,
    },
    caveats: reference.caveats,
    services,
  };
}

function buildGroups(services, facts, compiledMonth) {
  for (const [id, group] of Object.entries(endpointGroups)) {
    const members = [...group.required, ...(group.requiredGateway ?? []), ...(group.optional ?? []), ...(group.companionGateway ?? [])];
    for (const name of members) {
      if (!services[name]) fail(`group ${id}: ${name} is not in the service list`);
      // The facts file is the source of truth; a member it does not mention is a typo here.
      if (facts !== null && !facts.includes(`\`${name}\``) && !facts.includes(`.${name}\``)) {
        fail(`group ${id}: ${name} is not mentioned in vpc-endpoint-facts.md`);
      }
    }
    for (const name of [...(group.requiredGateway ?? []), ...(group.companionGateway ?? [])]) {
      if (!services[name].gateway) fail(`group ${id}: ${name} has no gateway endpoint`);
    }
    for (const name of Object.keys(group.when ?? {})) {
      if (!members.includes(name)) fail(`group ${id}: a 'when' note names ${name}, which is not a member`);
    }
  }
  return { asOf: compiledMonth, generatedFrom: groupsGeneratedFrom, groups: endpointGroups };
}

function write(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  console.log(`build-catalogue: wrote ${path}`);
}

const factsPath = join(referenceDir, 'vpc-endpoint-facts.md');
const facts = existsSync(factsPath) ? readFileSync(factsPath, 'utf8') : null;
if (facts === null) console.warn('build-catalogue: vpc-endpoint-facts.md not found; group members not cross-checked');
const compiledMonth = /Compiled (\d{4}-\d{2})/.exec(facts ?? '')?.[1] ?? null;

const prices = buildPrices(readJson('aws-pricing.json'));
const services = buildServices(readJson('aws-endpoint-services.json'), compiledMonth);
const groups = buildGroups(services.services, facts, compiledMonth);
write(pricesOut, prices);
write(servicesOut, services);
write(groupsOut, groups);
