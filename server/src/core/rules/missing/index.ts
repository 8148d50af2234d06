// The missing-endpoint rules (VPCE201-207), in ID order, for the rule table.
import type { Rule } from '../rule';
import { ecrGroup, ecsOnEc2Group, sessionManagerGroup } from './endpointGroups';
import { interfaceWithoutGateway, missingDynamoDbGateway, missingS3Gateway } from './gatewayEndpoints';
import { workloadEndpoints } from './workloadEndpoints';

export const MISSING_ENDPOINT_RULES: readonly Rule[] = [
  missingS3Gateway, missingDynamoDbGateway, sessionManagerGroup, ecrGroup, ecsOnEc2Group, workloadEndpoints, interfaceWithoutGateway,
];
