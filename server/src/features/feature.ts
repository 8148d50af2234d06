// One LSP feature per file: the capabilities it announces and the handlers it registers.
// Features translate core results into LSP types; they hold no analysis logic.
import type { ServerCapabilities } from 'vscode-languageserver';
import type { Cancellation } from '../cancellation';
import type { FeatureContext } from './context';

export interface Feature {
  capabilities: ServerCapabilities;
  register(ctx: FeatureContext): void;
}

/** A `workspace/executeCommand` command the server answers (commands.ts dispatches). */
export interface ServerCommand {
  id: string;
  run(ctx: FeatureContext, args: readonly unknown[], token?: Cancellation): Promise<unknown>;
}
