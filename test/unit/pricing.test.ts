import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CostEstimate,
  EndpointCostInput,
  PricedEstimate,
  PricingError,
  endpointCost,
  isPricingError,
  natGatewayCost,
} from '../../server/src/core/pricing/cost';
import { knownRegions, pricesAsOf, priceFeedDates, regionPrices, closeRegions } from '../../server/src/core/pricing/catalogue';
import { formatMoney } from '../../server/src/core/pricing/format';

const HOURS = 730;

function near(actual: number | null, expected: number, what = 'value'): void {
  assert.ok(actual !== null, `${what} is null`);
  assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: expected ${expected}, got ${actual}`);
}

function pricedOrFail(result: CostEstimate | PricingError): PricedEstimate {
  assert.ok(!isPricingError(result), `unexpected pricing error: ${isPricingError(result) ? result.message : ''}`);
  assert.equal(result.priced, true);
  return result as PricedEstimate;
}

function errorOrFail(result: CostEstimate | PricingError): PricingError {
  assert.ok(isPricingError(result), 'expected a pricing error');
  return result;
}

function iface(overrides: Partial<EndpointCostInput> = {}): PricedEstimate {
  return pricedOrFail(
    endpointCost({ endpointType: 'Interface', region: 'us-east-1', azCount: 1, monthlyDataGb: 0, hoursPerMonth: HOURS, ...overrides }),
  );
}

test('us-east-1 interface endpoint: $0.01 per AZ-hour, $7.30 per AZ-month, $14.60 with two AZs', () => {
  const one = iface();
  near(one.hourly, 0.01, 'hourly');
  near(one.monthlyFixed, 7.3, 'monthlyFixed');
  near(one.monthly, 7.3, 'monthly');
  near(one.perGb, 0.01, 'perGb');
  const two = iface({ azCount: 2 });
  near(two.hourly, 0.02, 'hourly');
  near(two.monthly, 14.6, 'monthly');
  assert.deepEqual(two.assumptions, []);
  assert.deepEqual(two.overridden, []);
});

test('the seed article uses 720 hours: $7.20 per AZ-month', () => {
  near(iface({ hoursPerMonth: 720 }).monthly, 7.2, 'monthly');
});

test('interface data inside the first tier is charged at $0.01/GB with no tier assumption', () => {
  const estimate = iface({ monthlyDataGb: 500 });
  near(estimate.monthlyData, 5, 'monthlyData');
  near(estimate.monthly, 12.3, 'monthly');
  assert.deepEqual(estimate.assumptions, []);
});

test('exactly 1 PB (1,048,576 GB) stays in the first tier', () => {
  const estimate = iface({ monthlyDataGb: 1_048_576 });
  near(estimate.monthlyData, 10_485.76, 'monthlyData');
  assert.deepEqual(estimate.assumptions, []);
});

test('a volume crossing 1 PB is tiered $0.01 then $0.006, and says tiers are really region-wide', () => {
  // By hand: 1,048,576 GB x 0.01 = 10,485.76; (2,000,000 - 1,048,576) = 951,424 GB x 0.006 = 5,708.544
  const estimate = iface({ monthlyDataGb: 2_000_000 });
  near(estimate.monthlyData, 10_485.76 + 5_708.544, 'monthlyData');
  near(estimate.monthly, 7.3 + 16_194.304, 'monthly');
  near(estimate.perGb, 0.01, 'perGb (first tier, for display)');
  assert.equal(estimate.assumptions.length, 1);
  assert.match(estimate.assumptions[0], /all interface endpoints in the region/);
});

test('a volume over 5 PB reaches the $0.004 tier', () => {
  // By hand: 10,485.76 + (5,242,880 - 1,048,576) x 0.006 = 25,165.824 + (6,000,000 - 5,242,880) x 0.004 = 3,028.48
  near(iface({ monthlyDataGb: 6_000_000 }).monthlyData, 10_485.76 + 25_165.824 + 3_028.48, 'monthlyData');
});

test('ap-northeast-1 interface: $0.014 per AZ-hour, two AZs $0.028/h and $20.44/month (the CLI.md example)', () => {
  const estimate = iface({ region: 'ap-northeast-1', azCount: 2 });
  near(estimate.hourly, 0.028, 'hourly');
  near(estimate.monthly, 20.44, 'monthly');
});

test('sa-east-1 interface is $0.021 per AZ-hour while its GWLB endpoint is $0.0151', () => {
  near(iface({ region: 'sa-east-1' }).hourly, 0.021, 'interface hourly');
  const gwlb = pricedOrFail(
    endpointCost({ endpointType: 'GatewayLoadBalancer', region: 'sa-east-1', azCount: 1, monthlyDataGb: 0, hoursPerMonth: HOURS }),
  );
  near(gwlb.hourly, 0.0151, 'GWLB hourly');
});

test('GovCloud us-gov-west-1: interface $0.0125/h, GWLB endpoint $0.0142/h and $0.0044/GB', () => {
  near(iface({ region: 'us-gov-west-1' }).hourly, 0.0125, 'interface hourly');
  const gwlb = pricedOrFail(
    endpointCost({ endpointType: 'GatewayLoadBalancer', region: 'us-gov-west-1', azCount: 1, monthlyDataGb: 1000, hoursPerMonth: HOURS }),
  );
  near(gwlb.perGb, 0.0044, 'GWLB perGb');
  near(gwlb.monthly, 0.0142 * 730 + 4.4, 'GWLB monthly');
});

test('us-east-1 GWLB endpoint: $0.01/h plus a flat $0.0035/GB, one AZ whatever the subnets say', () => {
  const gwlb = pricedOrFail(
    endpointCost({ endpointType: 'GatewayLoadBalancer', region: 'us-east-1', azCount: 3, monthlyDataGb: 2_000_000, hoursPerMonth: HOURS }),
  );
  near(gwlb.hourly, 0.01, 'hourly');
  near(gwlb.perGb, 0.0035, 'perGb');
  near(gwlb.monthlyData, 7_000, 'monthlyData (flat, no tiers)');
  near(gwlb.monthly, 7.3 + 7_000, 'monthly');
  assert.equal(gwlb.assumptions.length, 1);
  assert.match(gwlb.assumptions[0], /one subnet/);
});

test('Gateway endpoints are free at any volume', () => {
  const gateway = pricedOrFail(
    endpointCost({ endpointType: 'Gateway', region: 'eu-central-1', azCount: 3, monthlyDataGb: 50_000, hoursPerMonth: HOURS }),
  );
  assert.equal(gateway.hourly, 0);
  assert.equal(gateway.monthlyData, 0);
  assert.equal(gateway.monthly, 0);
});

test('Resource and ServiceNetwork endpoints are not priced: null figures and a note, not zero', () => {
  for (const endpointType of ['Resource', 'ServiceNetwork']) {
    const result = endpointCost({ endpointType, region: 'us-east-1', azCount: 2, monthlyDataGb: 10, hoursPerMonth: HOURS });
    assert.ok(!isPricingError(result));
    assert.equal(result.priced, false);
    assert.equal(result.monthly, null);
    assert.equal(result.hourly, null);
    assert.ok(!result.priced && result.notPriced.startsWith(`${endpointType} endpoints are not priced`));
  }
});

test('an unknown endpoint type is an error, not a guess', () => {
  const error = errorOrFail(endpointCost({ endpointType: 'Gatway', region: 'us-east-1', azCount: 1, monthlyDataGb: 0, hoursPerMonth: HOURS }));
  assert.equal(error.kind, 'unknown-endpoint-type');
  assert.match(error.message, /"Gatway"/);
});

test('NAT gateway us-east-1: $0.045/h = $32.85/month, plus $0.045/GB', () => {
  const idle = pricedOrFail(natGatewayCost({ region: 'us-east-1', monthlyDataGb: 0, hoursPerMonth: HOURS }));
  near(idle.hourly, 0.045, 'hourly');
  near(idle.monthly, 32.85, 'monthly');
  const busy = pricedOrFail(natGatewayCost({ region: 'us-east-1', monthlyDataGb: 100, hoursPerMonth: HOURS }));
  near(busy.monthlyData, 4.5, 'monthlyData');
  near(busy.monthly, 37.35, 'monthly');
});

test('NAT in sa-east-1 is $0.093/h', () => {
  near(pricedOrFail(natGatewayCost({ region: 'sa-east-1', monthlyDataGb: 0, hoursPerMonth: HOURS })).hourly, 0.093, 'hourly');
});

test('an unknown region is an error naming close known regions, never a zero', () => {
  const error = errorOrFail(endpointCost({ endpointType: 'Interface', region: 'us-east-3', azCount: 2, monthlyDataGb: 0, hoursPerMonth: HOURS }));
  assert.equal(error.kind, 'unknown-region');
  assert.equal(error.region, 'us-east-3');
  assert.match(error.message, /"us-east-3"/);
  assert.match(error.message, /us-east-1/);
  assert.match(error.message, /us-east-2/);
  assert.equal(errorOrFail(natGatewayCost({ region: 'us-east-3', monthlyDataGb: 0, hoursPerMonth: HOURS })).kind, 'unknown-region');
  // Even a free Gateway endpoint does not hide a region typo.
  assert.equal(errorOrFail(endpointCost({ endpointType: 'Gateway', region: 'eu-wset-1', azCount: 0, monthlyDataGb: 0, hoursPerMonth: HOURS })).kind, 'unknown-region');
});

test('close regions stay within a geography: cn-north-1 is not "corrected" to eu-north-1', () => {
  assert.deepEqual(closeRegions('cn-north-1'), []);
  assert.deepEqual(closeRegions('useast1'), ['us-east-1']);
  const error = errorOrFail(endpointCost({ endpointType: 'Interface', region: 'cn-north-1', azCount: 1, monthlyDataGb: 0, hoursPerMonth: HOURS }));
  assert.doesNotMatch(error.message, /eu-north-1/);
});

test('bad inputs are errors: negative GB, zero hours, fractional AZ count', () => {
  assert.equal(errorOrFail(endpointCost({ endpointType: 'Interface', region: 'us-east-1', azCount: 1, monthlyDataGb: -1, hoursPerMonth: HOURS })).kind, 'invalid-input');
  assert.equal(errorOrFail(natGatewayCost({ region: 'us-east-1', monthlyDataGb: 0, hoursPerMonth: 0 })).kind, 'invalid-input');
  assert.equal(errorOrFail(endpointCost({ endpointType: 'Interface', region: 'us-east-1', azCount: 1.5, monthlyDataGb: 0, hoursPerMonth: HOURS })).kind, 'invalid-input');
});

test('an interface endpoint with no subnets is priced as one AZ and says so', () => {
  const estimate = iface({ azCount: 0 });
  near(estimate.monthly, 7.3, 'monthly');
  assert.match(estimate.assumptions.join(' '), /one AZ/);
});

test('a "*" override applies an enterprise discount everywhere and is reported', () => {
  const overrides = { '*': { interfaceHourlyPerAz: 0.008 } };
  const estimate = iface({ azCount: 2, overrides });
  near(estimate.hourly, 0.016, 'hourly');
  near(estimate.monthly, 0.016 * 730, 'monthly');
  assert.deepEqual(estimate.overridden, ['interfaceHourlyPerAz']);
  // The override touches nothing a NAT gateway uses.
  const nat = pricedOrFail(natGatewayCost({ region: 'us-east-1', monthlyDataGb: 0, hoursPerMonth: HOURS, overrides }));
  assert.deepEqual(nat.overridden, []);
  near(nat.monthly, 32.85, 'NAT monthly');
});

test("a region's own override wins over \"*\"; invalid override values are ignored and reported", () => {
  const overrides = {
    '*': { natHourly: 0.04, natPerGb: -1 },
    'eu-west-1': { natHourly: 0.03 },
  };
  const ireland = regionPrices('eu-west-1', overrides);
  assert.ok(ireland);
  assert.equal(ireland.natHourly, 0.03);
  assert.equal(ireland.natPerGb, 0.048, 'rejected override leaves the catalogue figure');
  assert.deepEqual(ireland.overridden, ['natHourly']);
  assert.equal(ireland.rejectedOverrides.length, 1);
  assert.match(ireland.rejectedOverrides[0], /^\*\.natPerGb: /);
  assert.equal(regionPrices('us-east-1', overrides)?.natHourly, 0.04);
});

test('overridden data tiers must be contiguous and open-ended; valid ones are used', () => {
  const broken = regionPrices('us-east-1', { '*': { interfaceDataTiers: [{ fromGb: 0, toGb: 100, perGb: 0.001 }] } });
  assert.ok(broken);
  assert.equal(broken.interfaceDataTiers[0].perGb, 0.01);
  assert.match(broken.rejectedOverrides[0], /open-ended/);
  const flat = iface({ monthlyDataGb: 2_000_000, overrides: { '*': { interfaceDataTiers: [{ fromGb: 0, toGb: null, perGb: 0.005 }] } } });
  near(flat.monthlyData, 10_000, 'monthlyData');
  assert.deepEqual(flat.overridden, ['interfaceDataTiers']);
});

test('a region missing from the catalogue becomes usable when overrides give every figure', () => {
  const figures = {
    interfaceHourlyPerAz: 0.02,
    interfaceDataTiers: [{ fromGb: 0, toGb: null, perGb: 0.01 }],
    gwlbEndpointHourly: 0.02,
    gwlbEndpointPerGb: 0.004,
    natHourly: 0.06,
    natPerGb: 0.06,
  };
  near(iface({ region: 'cn-north-1', overrides: { 'cn-north-1': figures } }).monthly, 14.6, 'monthly');
  const { natPerGb: _dropped, ...incomplete } = figures;
  assert.equal(regionPrices('cn-north-1', { 'cn-north-1': incomplete }), undefined);
});

test('catalogue: 36 dated regions, every one with contiguous tiers and sources', () => {
  const regions = knownRegions();
  assert.equal(regions.length, 36);
  for (const required of ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'sa-east-1', 'ca-central-1', 'us-gov-west-1']) {
    assert.ok(regions.includes(required), required);
  }
  assert.match(pricesAsOf, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(pricesAsOf, [priceFeedDates.vpcFeed, priceFeedDates.natFeed].sort()[0]);
  for (const region of regions) {
    const prices = regionPrices(region);
    assert.ok(prices, region);
    assert.ok(prices.sources.includes('S_AWS_FEED_VPC'), `${region} cites the VPC feed`);
    const tiers = prices.interfaceDataTiers;
    assert.equal(tiers[0].fromGb, 0);
    assert.equal(tiers[tiers.length - 1].toGb, null);
    tiers.slice(1).forEach((tier, i) => assert.equal(tier.fromGb, tiers[i].toGb, `${region} tier ${i + 1}`));
  }
});

test('formatMoney: cents from a dime up, four decimals for rates', () => {
  assert.equal(formatMoney(20.44), '$20.44');
  assert.equal(formatMoney(7.3), '$7.30');
  assert.equal(formatMoney(0.014), '$0.0140');
  assert.equal(formatMoney(0.0035), '$0.0035');
  assert.equal(formatMoney(0), '$0.00');
  assert.equal(formatMoney(16194.304), '$16,194.30');
  assert.equal(formatMoney(0.5), '$0.50');
  assert.equal(formatMoney(0.00001), '$0.000010');
  assert.equal(formatMoney(1.234, { decimals: 3 }), '$1.234');
  assert.equal(formatMoney(20.44, { currency: 'EUR', locale: 'de-DE' }), '20,44\u00a0€');
});
