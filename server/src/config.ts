// Settings from the client (`vpceLens.*`), pulled per module directory and cached until the
// client says they changed. A client without workspace/configuration gets the defaults.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, normalizeSettings, type AnalysisSettings } from './core/settings';
import { URI } from './uri';

export interface ServerSettings {
  analysis: AnalysisSettings;
  /** Delay between the last keystroke and the analysis that publishes diagnostics. */
  debounceMs: number;
}

const DEFAULT_DEBOUNCE_MS = 150;

export class SettingsStore {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  supportsConfiguration = false;

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
    if (!this.supportsConfiguration) return { analysis: DEFAULT_SETTINGS, debounceMs: DEFAULT_DEBOUNCE_MS };
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration({ scopeUri: URI.fromPath(dir), section: 'vpceLens' });
    } catch {
      raw = undefined; // a client that fails the request gets the defaults
    }
    return fromClient(raw);
  }
}

/** Maps the `vpceLens` configuration object (see package.json) to server settings. */
export function fromClient(raw: unknown): ServerSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const pricing = (typeof r.pricing === 'object' && r.pricing !== null ? r.pricing : {}) as Record<string, unknown>;
  const diagnostics = (typeof r.diagnostics === 'object' && r.diagnostics !== null ? r.diagnostics : {}) as Record<string, unknown>;
  const debounce = diagnostics.debounceMs;
  return {
    analysis: normalizeSettings({ ...r, pricingOverrides: pricing.overrides }),
    debounceMs: typeof debounce === 'number' && debounce >= 0 && debounce <= 10_000 ? debounce : DEFAULT_DEBOUNCE_MS,
  };
}
