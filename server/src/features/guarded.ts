// Every request handler runs guarded: the server answers, whatever one feature does.
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { Cancelled } from '../cancellation';
import type { FeatureContext } from './context';

/**
 * Runs a request handler; a failure is logged and answered with `fallback`, never thrown at the
 * client. A cancelled request is answered as LSP says: RequestCancelled.
 */
export async function guarded<T>(ctx: FeatureContext, what: string, fallback: T, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    rethrowCancelled(error, what);
    ctx.log(`vpce-lens: ${what} failed: ${(error as Error).stack ?? String(error)}`);
    return fallback;
  }
}

/** A `Cancelled` request becomes LSP's RequestCancelled answer; anything else is left to the caller. */
export function rethrowCancelled(error: unknown, what: string): void {
  if (error instanceof Cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, `vpce-lens: ${what} cancelled`);
}
