// VPCE202: as VPCE201 for DynamoDB; a warning when the module is seen to use DynamoDB, info
// otherwise (the workloads may, the module cannot tell).
import { gatewayFinding, missingGateway, reason, usesDynamoDb } from './missing/gatewayFindings';
import { sentence } from './missing/text';
import { vpcGroups } from './missing/vpcGroups';
import type { Rule } from './rule';

export const missingDynamoDbGateway: Rule = {
  id: 'VPCE202',
  run: (analysis) =>
    vpcGroups(analysis).filter((g) => missingGateway(g, 'dynamodb')).flatMap((group) => {
      const used = usesDynamoDb(analysis, group);
      const message = used
        ? `${sentence(group.label)} uses DynamoDB (${used}) but has no DynamoDB Gateway endpoint: ${reason(analysis, group, 'dynamodb')}. Gateway endpoints are free.`
        : `${sentence(group.label)} has no DynamoDB Gateway endpoint; none of this module's resources use DynamoDB, but if the workloads do, the Gateway endpoint is free.`;
      return gatewayFinding(analysis, group, 'dynamodb', message, used ? undefined : 'info');
    }),
};
