// The table of priced kinds (core/pricing/pricedKinds.ts) and the renderers agree: every kind
// is named, totalled and listed; and a kind added to the table (a made-up transit gateway
// attachment, priced at a made-up rate) appears in the totals, the CLI's text, the Markdown
// report, the module lens, the hover and the not-priced list without any renderer naming it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { costText as runText } from '../../server/src/cli/costText';
import type { ModuleAnalysis } from '../../server/src/core/analysis';
import { costTargetAt } from '../../server/src/core/model/locate';
import { resolveRegion } from '../../server/src/core/model/region';
import type { Instance } from '../../server/src/core/model/scope';
import { explainCost } from '../../server/src/core/pricing/explain';
import { dataVolume, regionFields } from '../../server/src/core/pricing/kinds/figures';
import { pricedKind } from '../../server/src/core/pricing/kinds/pricedKind';
import { costLenses } from '../../server/src/core/pricing/lenses';
import { moduleCosts, type CostReport } from '../../server/src/core/pricing/moduleCosts';
import { PRICED_KINDS, kindOfResourceType, withPricedKind } from '../../server/src/core/pricing/pricedKinds';
import { costReportMarkdown } from '../../server/src/core/pricing/report';
import { analyzeModule, positionOf, ROOT } from '../helpers/memoryModule';

const costText = (report: CostReport) => runText({ sections: [{ label: '.', report, file: (f) => f, empty: false }], total: report, problems: [], notes: [] });

const HOURLY = 0.05;

/** A third kind as a new kinds/<kind>.ts would define it; the rate is made up. */
const attachmentKind = pricedKind({
  kind: 'transit_gateway_attachment',
  resourceTypes: ['aws_ec2_transit_gateway_vpc_attachment'],
  totalsKey: 'transitGatewayAttachments',
  byTypeKeys: ['TGW'],
  labels: { singular: 'transit gateway attachment', plural: 'transit gateway attachments', short: 'TGW attachments' },
  typeOrder: ['TGW attachment'],
  instances: (analysis: ModuleAnalysis) => analysis.modules.flatMap((m) => [...m.evaluator.module.resources.values()]
    .filter((r) => r.mode === 'managed' && r.type === 'aws_ec2_transit_gateway_vpc_attachment')
    .flatMap((r) => {
      const instances = m.evaluator.refs.instances(r);
      return instances.known ? instances.instances.map((instance) => ({ instance, region: resolveRegion(m.evaluator, instance) })) : [];
    })),
  cost: (view: { instance: Instance; region: ReturnType<typeof resolveRegion> }, analysis, usage) => {
    const data = dataVolume(analysis, view.instance.address, usage);
    const monthlyFixed = HOURLY * analysis.settings.hoursPerMonth;
    return {
      address: view.instance.address, file: view.instance.resource.file, range: view.instance.resource.block.headerRange,
      endpointType: null, service: null, ...regionFields(view.region), azCount: null, azCountSource: 'one attachment',
      hourly: HOURLY, monthlyFixed, perGb: 0, monthlyDataGb: data.gb, monthlyDataSource: data.source, monthlyData: 0, monthly: monthlyFixed,
      assumptions: [], assumedFacts: [], overridden: [],
    };
  },
  typeLabel: () => 'TGW attachment',
  byTypeKey: () => 'TGW',
  ratesText: () => `$${HOURLY} per attachment-hour (made up)`,
});

const MODULE = `
provider "aws" {
  region = "eu-west-1"
}
resource "aws_vpc_endpoint" "s3" {
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
}
resource "aws_nat_gateway" "main" {
  subnet_id = "subnet-1"
}
resource "aws_ec2_transit_gateway_vpc_attachment" "hub" {
  transit_gateway_id = "tgw-1"
  vpc_id             = "vpc-1"
  subnet_ids         = ["subnet-1"]
}
resource "aws_ec2_transit_gateway_vpc_attachment" "spokes" {
  for_each           = var.spokes
  transit_gateway_id = "tgw-1"
  vpc_id             = each.value
}
variable "spokes" {}
`;

test('the table: every kind is named, has its own totals and byType keys, and owns its resource types alone', () => {
  assert.deepEqual(PRICED_KINDS.map((k) => k.kind), ['vpc_endpoint', 'nat_gateway']);
  for (const k of PRICED_KINDS) {
    for (const label of Object.values(k.labels)) assert.ok(label.trim().length > 0, `${k.kind} has every label`);
    assert.ok(k.resourceTypes.length > 0 && k.byTypeKeys.length > 0 && k.typeOrder.length > 0, `${k.kind} has resource types, byType keys and a type order`);
    for (const type of k.resourceTypes) assert.equal(kindOfResourceType(type), k.kind);
  }
  const distinct = (values: readonly string[]) => assert.equal(new Set(values).size, values.length, values.join(', '));
  distinct(PRICED_KINDS.map((k) => k.kind));
  distinct(PRICED_KINDS.map((k) => k.totalsKey));
  distinct(PRICED_KINDS.flatMap((k) => k.byTypeKeys));
  distinct(PRICED_KINDS.flatMap((k) => k.resourceTypes));
  distinct(PRICED_KINDS.flatMap((k) => k.typeOrder));
});

test('every kind\'s instances are in the report and its total, and the totals keep the JSON order of docs/cli.md', async () => {
  const report = moduleCosts(await analyzeModule(MODULE));
  for (const k of PRICED_KINDS) {
    const own = report.resources.filter((r) => r.kind === k.kind);
    assert.equal(own.length, 1, `one ${k.kind}`);
    const totals = report.totals as unknown as Record<string, number>;
    assert.equal(totals[k.totalsKey], own.reduce((n, r) => n + (r.monthly ?? 0), 0), `${k.totalsKey} is the sum of its instances`);
  }
  assert.deepEqual(Object.keys(report.totals), ['monthly', 'complete', 'endpoints', 'natGateways', 'byType']);
  assert.deepEqual(Object.keys(report.totals.byType), ['Gateway', 'Interface', 'GatewayLoadBalancer', 'NAT']);
  assert.ok(!report.resources.some((r) => r.address.includes('transit_gateway')), 'a type no kind claims is not priced');
});

test('a kind added to the table is priced, totalled and shown by every renderer that names none', async () => {
  const analysis = await analyzeModule(MODULE);
  await withPricedKind(attachmentKind, async () => {
    const report = moduleCosts(analysis);
    const hub = report.resources.find((r) => r.address === 'aws_ec2_transit_gateway_vpc_attachment.hub');
    assert.equal(hub?.kind, 'transit_gateway_attachment');
    assert.equal(hub.monthly, HOURLY * 730);

    const totals = report.totals as unknown as Record<string, unknown>;
    assert.deepEqual(Object.keys(totals), ['monthly', 'complete', 'endpoints', 'natGateways', 'transitGatewayAttachments', 'byType']);
    assert.equal(totals.transitGatewayAttachments, HOURLY * 730);
    assert.equal((totals.byType as Record<string, number>).TGW, HOURLY * 730);
    assert.equal(report.totals.monthly, report.resources.reduce((n, r) => n + (r.monthly ?? 0), 0));

    // The for_each that cannot be evaluated is not priced, under the new kind.
    assert.deepEqual(report.unpriced.map((u) => [u.address, u.kind]), [['aws_ec2_transit_gateway_vpc_attachment.spokes', 'transit_gateway_attachment']]);

    const text = costText(report);
    assert.match(text, /^aws_ec2_transit_gateway_vpc_attachment\.hub +TGW attachment +eu-west-1 +\$0\.0500 +\$36\.50$/m, text);
    assert.match(text, /; endpoints \$0\.00, NAT gateways \$\d+\.\d\d, TGW attachments \$36\.50\)/, text);

    const markdown = costReportMarkdown(report, { title: 't', overrides: {} });
    assert.match(markdown, /VPC endpoints \$0\.00, NAT gateways \$\d+\.\d\d, transit gateway attachments \$36\.50 \(3 resource instances\)/, markdown);
    assert.match(markdown, /\| NAT gateway \| 1 \| \$\d+\.\d\d \|\n\| TGW attachment \| 1 \| \$36\.50 \|/, 'the By type table orders the new type after the table\'s earlier kinds');

    const lens = costLenses(analysis.modules, report, `${ROOT}/main.tf`, { firstFile: `${ROOT}/main.tf` });
    assert.match(lens[0]!.title, / · endpoints \$0\.00 · NAT gateways \$\d+\.\d\d · TGW attachments \$36\.50 · cost report$/);
    assert.ok(lens.some((l) => l.title === '$36.50/mo · TGW attachment'), lens.map((l) => l.title).join('\n'));

    const target = costTargetAt(analysis.modules, `${ROOT}/main.tf`, positionOf(MODULE, 'tgw-1'));
    assert.equal(target?.kind, 'transit_gateway_attachment');
    const hover = explainCost(target, { report, overrides: {} });
    assert.match(hover, /TGW attachment · \*\*\$36\.50\/month\*\*/);
    assert.match(hover, /\*\*Rates\*\* \$0\.05 per attachment-hour \(made up\)/);
  });
  assert.deepEqual(PRICED_KINDS.map((k) => k.kind), ['vpc_endpoint', 'nat_gateway'], 'the table is as before afterwards');
});

test('an empty module names every kind the table has', async () => {
  const report = moduleCosts(await analyzeModule('variable "x" {}\n'));
  assert.match(costText(report), /no VPC endpoints or NAT gateways found\./);
  await withPricedKind(attachmentKind, async () => {
    assert.match(costText(report), /no VPC endpoints, NAT gateways or transit gateway attachments found\./);
    assert.match(costReportMarkdown(report, { title: 't', overrides: {} }), /No VPC endpoints, NAT gateways or transit gateway attachments found\./);
  });
});
