// Settings from the client (`vpceLens.*`), pulled per module directory and cached until the
// client says they changed. A client without workspace/configuration gets the defaults.
import type { Connection } from 'vscode-languageserver';
import { compareToSetting, DEFAULT_SETTINGS, normalizeSettings, SETTING_DEFAULTS, type AnalysisSettings, type CompareTo } from './core/settings';
import type { CurrencyFormat } from './core/pricing/format';
import { resolve, sep } from 'node:path';
import { URI } from './uri';

export interface ServerSettings {
  analysis: AnalysisSettings;
  /** Delay between the last keystroke and the analysis that publishes diagnostics. */
  debounceMs: number;
  /** Cost code lenses: `vpceLens.costDisplay` "lens" or "both", unless `vpceLens.codeLens.enabled` is false. */
  codeLensEnabled: boolean;
  /** Cost inlay hints: `vpceLens.costDisplay` "hint" or "both". */
  inlayHintsEnabled: boolean;
  /** `vpceLens.currencyFormat`: how money is shown (amounts stay in the catalogue's currency). */
  currencyFormat: CurrencyFormat;
  /** `vpceLens.compareTo`: the base hovers, lenses, hints and the cost report compare with. */
  compareTo: CompareTo;
}

const COST_DISPLAYS = ['lens', 'hint', 'both', 'none'] as const;
/** `vpceLens.costDisplay`: where block costs are shown. */
type CostDisplay = (typeof COST_DISPLAYS)[number];
const costDisplay = (raw: unknown): CostDisplay | undefined => COST_DISPLAYS.find((d) => d === raw);
/** One of COST_DISPLAYS: test/unit/settingDefaults.test.ts checks every default against package.json's enum. */
const DEFAULT_COST_DISPLAY = SETTING_DEFAULTS['vpceLens.costDisplay'] as CostDisplay;

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  supportsConfiguration = false;
  /** Workspace folders (absolute paths): relative file settings are read from these. */
  folders: string[] = [];

  constructor(private readonly connection: Connection) {}

  get(dir: string): Promise<ServerSettings> {
    let settings = this.cache.get(dir);
    if (!settings) {
      settings = this.fetch(dir);
      this.cache.set(dir, settings);
    }
    return settings;
  }

  clear(): void {
    this.cache.clear();
  }

  private async fetch(dir: string): Promise<ServerSettings> {
    if (!this.supportsConfiguration) return fromClient(undefined);
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration({ scopeUri: URI.fromPath(dir), section: 'vpceLens' });
    } catch {
      raw = undefined; // a client that fails the request gets the defaults
    }
    const settings = fromClient(raw);
    return { ...settings, analysis: withAbsolutePaths(settings.analysis, this.folderOf(dir) ?? dir) };
  }

  /** The innermost workspace folder holding `dir`. */
  private folderOf(dir: string): string | undefined {
    return this.folders.filter((f) => dir === f || dir.startsWith(f.endsWith(sep) ? f : f + sep)).sort((a, b) => b.length - a.length)[0];
  }
}

/** Relative `varFiles` and `usageFile` settings are relative to the workspace folder. */
function withAbsolutePaths(analysis: AnalysisSettings, base: string): AnalysisSettings {
  return {
    ...analysis,
    varFiles: analysis.varFiles.map((f) => resolve(base, f)),
    ...(analysis.usageFile !== undefined ? { usageFile: resolve(base, analysis.usageFile) } : {}),
  };
}

/** Maps the `vpceLens` configuration object (see package.json) to server settings. */
export function fromClient(raw: unknown): ServerSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const pricing = (typeof r.pricing === 'object' && r.pricing !== null ? r.pricing : {}) as Record<string, unknown>;
  const diagnostics = (typeof r.diagnostics === 'object' && r.diagnostics !== null ? r.diagnostics : {}) as Record<string, unknown>;
  const codeLens = (typeof r.codeLens === 'object' && r.codeLens !== null ? r.codeLens : {}) as Record<string, unknown>;
  const debounce = diagnostics.debounceMs;
  const display = costDisplay(r.costDisplay) ?? DEFAULT_COST_DISPLAY;
  const lensEnabled = typeof codeLens.enabled === 'boolean' ? codeLens.enabled : SETTING_DEFAULTS['vpceLens.codeLens.enabled'];
  return {
    analysis: raw === undefined ? DEFAULT_SETTINGS : normalizeSettings({ ...r, pricingOverrides: pricing.overrides }),
    debounceMs: typeof debounce === 'number' && debounce >= 0 && debounce <= 10_000 ? debounce : SETTING_DEFAULTS['vpceLens.diagnostics.debounceMs'],
    // The setting costDisplay superseded: false still hides the lenses, so nobody who had turned
    // them off sees them come back.
    codeLensEnabled: (display === 'lens' || display === 'both') && lensEnabled,
    inlayHintsEnabled: display === 'hint' || display === 'both',
    currencyFormat: currencyFormat(r.currencyFormat),
    compareTo: compareToSetting(r.compareTo),
  };
}

/** `{ "locale": "de-DE", "decimals": 2 }`; a locale the runtime rejects is ignored. */
function currencyFormat(raw: unknown): CurrencyFormat {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const format: CurrencyFormat = {};
  if (typeof r.locale === 'string' && r.locale.trim() !== '') {
    try {
      new Intl.NumberFormat(r.locale.trim());
      format.locale = r.locale.trim();
    } catch {
      // not a BCP 47 tag: keep the default (en-US)
    }
  }
  if (typeof r.decimals === 'number' && Number.isInteger(r.decimals) && r.decimals >= 0 && r.decimals <= 6) format.decimals = r.decimals;
  return format;
}
