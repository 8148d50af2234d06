// Endpoint correctness (VPCE101–VPCE112): rules about one aws_vpc_endpoint block at a time,
// reported once per block position (perBlock.ts).
import type { Rule } from '../rule';
import { interfaceTypeRule } from './interfaceType';
import { argumentsByTypeRule } from './argumentsByType';
import { missingRouteTablesRule, missingSubnetsRule } from './missingAttachments';
import { privateDnsRule } from './privateDns';
import { endpointSecurityGroupRule } from './endpointSecurityGroup';
import { unknownServiceRule } from './unknownService';
import { hardCodedRegionRule } from './hardCodedRegion';
import { gwlbSubnetsRule } from './gwlbSubnets';
import { serviceTargetRule } from './serviceTarget';
import { duplicateEndpointsRule } from './duplicateEndpoints';
import { doubleAttachmentRule } from './doubleAttachment';

export const ENDPOINT_RULES: readonly Rule[] = [
  interfaceTypeRule, argumentsByTypeRule, missingSubnetsRule, missingRouteTablesRule, privateDnsRule, endpointSecurityGroupRule,
  unknownServiceRule, hardCodedRegionRule, gwlbSubnetsRule, serviceTargetRule, duplicateEndpointsRule, doubleAttachmentRule,
];
