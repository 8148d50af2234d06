// A request that its client cancelled: what the analysis service throws and the features answer
// as LSP's RequestCancelled (a request about a version since replaced waits for the newer one).
// The token is the shape of LSP's CancellationToken, without importing LSP.
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export class Cancelled extends Error {
  constructor() {
    super('the request was cancelled');
  }
}

export function throwIfCancelled(token: Cancellation | undefined): void {
  if (token?.isCancellationRequested) throw new Cancelled();
}
