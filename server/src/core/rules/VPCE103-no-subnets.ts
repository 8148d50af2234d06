// VPCE103: an Interface endpoint in no subnet: it has no network interface, nothing reaches it.
// The fix names the VPC's private subnets (endpoint/privateNetwork.ts); in a vpc-endpoints entry,
// the entry's subnet_ids or the call's.
import { VPC_ENDPOINTS_MODULE } from '../model/registryModules/sources';
import { missingAttachment } from './endpoint/missingAttachment';
import { endpointFindings } from './endpoint/perBlock';
import { privateSubnetIds } from './endpoint/privateNetwork';
import type { Rule } from './rule';

const subnets = missingAttachment({
  type: 'Interface',
  argument: 'subnet_ids',
  association: 'aws_vpc_endpoint_subnet_association',
  attachments: (view) => view.subnets,
  reference: privateSubnetIds,
  sharedInput: VPC_ENDPOINTS_MODULE.subnetIdsInput,
  consequence: 'This Interface endpoint is in no subnet (%s), so it has no network interface and nothing can reach %s through it.',
});

export const missingSubnetsRule: Rule = { id: 'VPCE103', run: (analysis) => endpointFindings(analysis, subnets) };
