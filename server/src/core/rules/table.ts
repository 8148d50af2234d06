// The rule table: every rule the analysis runs, in ID order, one file each named by its ID
// (`VPCE201-s3-gateway.ts`); helpers live in endpoint/, missing/ and cost/. test/unit/
// ruleConsistency.test.ts keeps this table, data/rules.json, docs/rules.md and the fixture folders
// (test/fixtures/rules/<ID>/) in agreement.
import type { Rule } from './rule';
import { syntaxErrorRule } from './VPCE000-syntax-error';
import { interfaceTypeRule } from './VPCE101-interface-type';
import { argumentsByTypeRule } from './VPCE102-arguments-by-type';
import { missingSubnetsRule } from './VPCE103-no-subnets';
import { missingRouteTablesRule } from './VPCE104-no-route-tables';
import { privateDnsRule } from './VPCE105-private-dns';
import { endpointSecurityGroupRule } from './VPCE106-security-group-admits-clients';
import { unknownServiceRule } from './VPCE107-unknown-service';
import { hardCodedRegionRule } from './VPCE108-hard-coded-region';
import { gwlbSubnetsRule } from './VPCE109-gwlb-one-subnet';
import { serviceTargetRule } from './VPCE110-one-target';
import { duplicateEndpointsRule } from './VPCE111-duplicate-endpoints';
import { doubleAttachmentRule } from './VPCE112-double-attachment';
import { missingS3Gateway } from './VPCE201-s3-gateway';
import { missingDynamoDbGateway } from './VPCE202-dynamodb-gateway';
import { sessionManagerGroup } from './VPCE203-session-manager-group';
import { ecrGroup } from './VPCE204-ecr-group';
import { ecsOnEc2Group } from './VPCE205-ecs-on-ec2-group';
import { workloadEndpoints } from './VPCE206-workload-endpoints';
import { interfaceWithoutGateway } from './VPCE207-interface-without-gateway';
import { natRemovable } from './VPCE301-nat-removable';
import { endpointsCostMoreThanNat } from './VPCE302-endpoints-cost-more-than-nat';

export const RULES: readonly Rule[] = [
  syntaxErrorRule,
  interfaceTypeRule,
  argumentsByTypeRule,
  missingSubnetsRule,
  missingRouteTablesRule,
  privateDnsRule,
  endpointSecurityGroupRule,
  unknownServiceRule,
  hardCodedRegionRule,
  gwlbSubnetsRule,
  serviceTargetRule,
  duplicateEndpointsRule,
  doubleAttachmentRule,
  missingS3Gateway,
  missingDynamoDbGateway,
  sessionManagerGroup,
  ecrGroup,
  ecsOnEc2Group,
  workloadEndpoints,
  interfaceWithoutGateway,
  natRemovable,
  endpointsCostMoreThanNat,
];
