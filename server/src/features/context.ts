// What every feature gets: the connection, open documents, the analysis service and settings.
import type { Connection } from 'vscode-languageserver';
import type { AnalysisService } from '../analysisService';
import type { SettingsStore } from '../config';
import type { OpenDocuments } from '../documents';

export interface FeatureContext {
  connection: Connection;
  documents: OpenDocuments;
  analyses: AnalysisService;
  settings: SettingsStore;
  /** Logs to the client's output channel. */
  log(message: string): void;
}
