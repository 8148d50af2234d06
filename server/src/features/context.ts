// What every feature gets: the connection, open documents, the analysis service, settings and
// what the client said it supports.
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { AnalysisService } from '../analysisService';
import type { BaselineService } from '../baseline';
import type { SettingsStore } from '../config';
import type { OpenDocuments } from '../documents';

export interface FeatureContext {
  connection: Connection;
  documents: OpenDocuments;
  analyses: AnalysisService;
  settings: SettingsStore;
  /** The bases of `vpceLens.compareTo` (absent: no comparison). */
  baselines?: BaselineService;
  /** From `initialize`: e.g. whether completion items may be snippets. */
  clientCapabilities: ClientCapabilities;
  /** Logs to the client's output channel. */
  log(message: string): void;
}
