// VPCE201: a VPC whose private subnets reach AWS through NAT (or not at all) has no S3 Gateway
// endpoint, which is free. Evidence and wording: missing/gatewayFindings.ts, docs/rules.md.
import { gatewayFinding, missingGateway, reason } from './missing/gatewayFindings';
import { sentence } from './missing/text';
import { vpcGroups } from './missing/vpcGroups';
import type { Rule } from './rule';

export const missingS3Gateway: Rule = {
  id: 'VPCE201',
  run: (analysis) =>
    vpcGroups(analysis).filter((g) => missingGateway(g, 's3')).flatMap((group) =>
      gatewayFinding(analysis, group, 's3', `${sentence(group.label)} has no S3 Gateway endpoint: ${reason(analysis, group, 's3')}. Gateway endpoints are free.`),
    ),
};
