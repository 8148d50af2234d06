// `vpceLens/stats`: what the server has done (analyses run per module folder), for tests and
// for anyone debugging the server's load. Not a capability: no editor asks for it by itself.
import type { Feature } from './feature';

export const STATS_REQUEST = 'vpceLens/stats';

export const statsFeature: Feature = {
  capabilities: {},
  register(ctx) {
    ctx.connection.onRequest(STATS_REQUEST, () => ctx.analyses.stats());
  },
};
