// Setting defaults live in one data file (server/src/core/data/setting-defaults.json): package.json
// contributes the same defaults, every default is a value its own schema accepts, and the
// server's settings code starts from them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fromClient } from '../../server/src/config';
import { DEFAULT_SETTINGS, normalizeSettings, SETTING_DEFAULTS } from '../../server/src/core/settings';
import { formatMoney } from '../../server/src/core/pricing/format';

// out/test/unit -> the repository.
const REPO = resolve(__dirname, '../../..');

interface SettingSchema {
  default?: unknown;
  enum?: unknown[];
  type?: string | string[];
}

const contributed = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, SettingSchema> } } })
  .contributes.configuration.properties;

test('package.json contributes every setting with the default of the data file, and no other', () => {
  assert.deepEqual(Object.keys(contributed).sort(), Object.keys(SETTING_DEFAULTS).sort());
  for (const [name, schema] of Object.entries(contributed)) {
    assert.deepEqual(schema.default, SETTING_DEFAULTS[name as keyof typeof SETTING_DEFAULTS], name);
  }
});

test('every default is a value of its setting\'s type and enum', () => {
  const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);
  for (const [name, schema] of Object.entries(contributed)) {
    const value = SETTING_DEFAULTS[name as keyof typeof SETTING_DEFAULTS];
    const types = [schema.type ?? []].flat();
    const actual = typeOf(value);
    assert.ok(types.includes(actual) || (actual === 'integer' && types.includes('number')), `${name}: ${actual} is not ${types.join('|')}`);
    if (schema.enum) assert.ok(schema.enum.includes(value), `${name}: ${String(value)} is not one of its enum`);
  }
});

test('a client that sends no settings gets the data file\'s defaults', () => {
  const settings = fromClient(undefined);
  assert.equal(settings.analysis, DEFAULT_SETTINGS);
  assert.equal(DEFAULT_SETTINGS.defaultAzCount, SETTING_DEFAULTS['vpceLens.defaultAzCount']);
  assert.equal(DEFAULT_SETTINGS.hoursPerMonth, SETTING_DEFAULTS['vpceLens.hoursPerMonth']);
  assert.equal(DEFAULT_SETTINGS.monthlyDataGb, SETTING_DEFAULTS['vpceLens.monthlyDataGb']);
  assert.deepEqual(DEFAULT_SETTINGS.varFiles, SETTING_DEFAULTS['vpceLens.varFiles']);
  assert.deepEqual(DEFAULT_SETTINGS.rules, SETTING_DEFAULTS['vpceLens.rules']);
  assert.deepEqual(DEFAULT_SETTINGS.pricingOverrides, SETTING_DEFAULTS['vpceLens.pricing.overrides']);
  assert.equal(DEFAULT_SETTINGS.region, SETTING_DEFAULTS['vpceLens.region'] || undefined);
  assert.equal(DEFAULT_SETTINGS.usageFile, SETTING_DEFAULTS['vpceLens.usageFile'] || undefined);
  assert.equal(settings.debounceMs, SETTING_DEFAULTS['vpceLens.diagnostics.debounceMs']);
  const display = SETTING_DEFAULTS['vpceLens.costDisplay'];
  assert.equal(settings.codeLensEnabled, (display === 'lens' || display === 'both') && SETTING_DEFAULTS['vpceLens.codeLens.enabled']);
  assert.equal(settings.inlayHintsEnabled, display === 'hint' || display === 'both');
  // The same from a client (or a settings file) that sends an empty section.
  assert.deepEqual(normalizeSettings({}), DEFAULT_SETTINGS);
  assert.deepEqual({ ...fromClient({}), analysis: undefined }, { ...settings, analysis: undefined });
  assert.equal(formatMoney(1234.5), formatMoney(1234.5, { locale: SETTING_DEFAULTS['vpceLens.currencyFormat'].locale }), 'amounts are written in the default locale');
  assert.notEqual(formatMoney(1234.5), formatMoney(1234.5, { locale: 'de-DE' }), 'which a locale setting changes');
});
