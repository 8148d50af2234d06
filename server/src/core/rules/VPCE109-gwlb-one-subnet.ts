// VPCE109: a GatewayLoadBalancer endpoint in more than one subnet; AWS takes exactly one.
import { argumentOrHeader } from './endpoint/endpointSite';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './endpoint/perBlock';
import type { Rule } from './rule';

function check({ view, site, file }: EndpointContext): EndpointProblem[] {
  const count = view.subnets.count;
  if (view.type !== 'GatewayLoadBalancer' || count === undefined || count <= 1) return [];
  return [{
    file: file.path,
    range: argumentOrHeader(site, 'subnet_ids'),
    message: `A GatewayLoadBalancer endpoint sits in exactly one subnet, but this one has ${count} (${view.subnets.source}), so AWS rejects it; use one endpoint per AZ.`,
  }];
}

export const gwlbSubnetsRule: Rule = { id: 'VPCE109', run: (analysis) => endpointFindings(analysis, check) };
