// Every request handler runs guarded: the server answers, whatever one feature does.
import type { FeatureContext } from './context';

/** Runs a request handler; a failure is logged and answered with `fallback`, never thrown at the client. */
export async function guarded<T>(ctx: FeatureContext, what: string, fallback: T, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    ctx.log(`vpce-lens: ${what} failed: ${(error as Error).stack ?? String(error)}`);
    return fallback;
  }
}
