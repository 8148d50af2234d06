// VPCE104: a Gateway endpoint on no route table: no traffic is routed to it, it has no effect.
// The fix names the VPC's private route tables (endpoint/privateNetwork.ts).
import { missingAttachment } from './endpoint/missingAttachment';
import { endpointFindings } from './endpoint/perBlock';
import { privateRouteTableIds } from './endpoint/privateNetwork';
import type { Rule } from './rule';

const routeTables = missingAttachment({
  type: 'Gateway',
  argument: 'route_table_ids',
  association: 'aws_vpc_endpoint_route_table_association',
  attachments: (view) => view.routeTables,
  reference: privateRouteTableIds,
  consequence: 'This Gateway endpoint is on no route table (%s), so no traffic to %s is routed through it and it has no effect.',
});

export const missingRouteTablesRule: Rule = { id: 'VPCE104', run: (analysis) => endpointFindings(analysis, routeTables) };
