// Analysis settings: the `vpceLens.*` configuration, and the CLI flags that mirror it.
import type { SeveritySetting } from './types';
import type { PriceOverrides } from './pricing/catalogue';
import data from './data/setting-defaults.json';

/** The default of every `vpceLens.*` setting (data/setting-defaults.json; package.json contributes the same). */
export const SETTING_DEFAULTS = data.defaults;

export interface AnalysisSettings {
  /** Region used when no provider says (`vpceLens.region`). */
  region?: string;
  defaultAzCount: number;
  hoursPerMonth: number;
  monthlyDataGb: number;
  /** Extra var files (`vpceLens.varFiles`, `--var-file`), absolute paths. */
  varFiles: string[];
  usageFile?: string;
  rules: Record<string, SeveritySetting>;
  pricingOverrides: PriceOverrides;
  /** How messages name where a filled-in value came from: the editor's settings or the CLI's flags. */
  labels: SettingLabels;
}

export interface SettingLabels {
  region: string;
  defaultAzCount: string;
  monthlyDataGb: string;
}

const EDITOR_LABELS: SettingLabels = {
  region: 'the vpceLens.region setting',
  defaultAzCount: 'vpceLens.defaultAzCount',
  monthlyDataGb: 'vpceLens.monthlyDataGb',
};

export const DEFAULT_SETTINGS: AnalysisSettings = {
  defaultAzCount: SETTING_DEFAULTS['vpceLens.defaultAzCount'],
  hoursPerMonth: SETTING_DEFAULTS['vpceLens.hoursPerMonth'],
  monthlyDataGb: SETTING_DEFAULTS['vpceLens.monthlyDataGb'],
  varFiles: SETTING_DEFAULTS['vpceLens.varFiles'],
  rules: SETTING_DEFAULTS['vpceLens.rules'],
  pricingOverrides: SETTING_DEFAULTS['vpceLens.pricing.overrides'],
  labels: EDITOR_LABELS,
  ...(SETTING_DEFAULTS['vpceLens.region'] ? { region: SETTING_DEFAULTS['vpceLens.region'] } : {}),
  ...(SETTING_DEFAULTS['vpceLens.usageFile'] ? { usageFile: SETTING_DEFAULTS['vpceLens.usageFile'] } : {}),
};

/** Settings from an untyped source (client configuration, JSON): bad values fall back to defaults. */
export function normalizeSettings(raw: unknown): AnalysisSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const positive = (v: unknown, fallback: number, integer = false) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 && (!integer || Number.isInteger(v)) ? v : fallback;
  const settings: AnalysisSettings = {
    defaultAzCount: Math.max(1, positive(r.defaultAzCount, DEFAULT_SETTINGS.defaultAzCount, true)),
    hoursPerMonth: positive(r.hoursPerMonth, DEFAULT_SETTINGS.hoursPerMonth) || DEFAULT_SETTINGS.hoursPerMonth,
    monthlyDataGb: positive(r.monthlyDataGb, DEFAULT_SETTINGS.monthlyDataGb),
    varFiles: Array.isArray(r.varFiles) ? r.varFiles.filter((f): f is string => typeof f === 'string') : [...DEFAULT_SETTINGS.varFiles],
    rules: { ...DEFAULT_SETTINGS.rules },
    pricingOverrides: typeof r.pricingOverrides === 'object' && r.pricingOverrides !== null ? (r.pricingOverrides as PriceOverrides) : DEFAULT_SETTINGS.pricingOverrides,
    labels: EDITOR_LABELS,
  };
  const region = typeof r.region === 'string' && r.region.trim() !== '' ? r.region.trim() : DEFAULT_SETTINGS.region;
  if (region !== undefined) settings.region = region;
  const usageFile = typeof r.usageFile === 'string' && r.usageFile.trim() !== '' ? r.usageFile.trim() : DEFAULT_SETTINGS.usageFile;
  if (usageFile !== undefined) settings.usageFile = usageFile;
  if (typeof r.rules === 'object' && r.rules !== null) {
    for (const [id, level] of Object.entries(r.rules as Record<string, unknown>)) {
      if (level === 'off' || level === 'hint' || level === 'info' || level === 'warning' || level === 'error') settings.rules[id] = level;
    }
  }
  return settings;
}

/**
 * `vpceLens.compareTo`: what the editor compares costs with. `merge-base`: the merge-base of HEAD
 * with the default branch (as `vpce-lens diff` without --base); a ref: its merge-base with HEAD
 * (as --base REF); `off`: no comparison.
 */
export type CompareTo = { kind: 'merge-base' } | { kind: 'ref'; ref: string } | { kind: 'off' };

/** The default of `vpceLens.compareTo` (from the data file, as package.json's). */
export const DEFAULT_COMPARE_TO = SETTING_DEFAULTS['vpceLens.compareTo'];

/** The setting's value as given; anything but a non-empty string is the default. */
export function compareToSetting(raw: unknown): CompareTo {
  const value = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_COMPARE_TO;
  if (value === 'off') return { kind: 'off' };
  return value === 'merge-base' ? { kind: 'merge-base' } : { kind: 'ref', ref: value };
}
