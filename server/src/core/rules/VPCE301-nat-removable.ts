// VPCE301: every AWS service the module is seen to use already has an endpoint in a NAT VPC, so
// its NAT gateways may go (a hint: other internet traffic is not seen).
import { groupById } from '../services/catalogue';
import { awsInterfaces, fullyKnown, savings } from './cost/natHints';
import { usesDynamoDb } from './missing/gatewayFindings';
import { COMPLETENESS_GROUPS, groupGap } from './missing/groupGaps';
import { presence } from './missing/presence';
import { vpcGroups } from './missing/vpcGroups';
import { workloadNeeds } from './missing/workloadNeeds';
import type { Rule, RuleFinding } from './rule';

export const natRemovable: Rule = {
  id: 'VPCE301',
  run: (analysis) => {
    const needs = workloadNeeds(analysis);
    return vpcGroups(analysis).flatMap((vpc): RuleFinding[] => {
      const nat = vpc.natGateways[0];
      if (!nat || awsInterfaces(vpc).length === 0 || !fullyKnown(vpc)) return [];
      if (presence(vpc, 's3', 'Gateway') !== 'present') return [];
      if (usesDynamoDb(analysis, vpc) && presence(vpc, 'dynamodb', 'Gateway') !== 'present') return [];
      if (COMPLETENESS_GROUPS.some((id) => { const group = groupById(id); return group && groupGap(vpc, group); })) return [];
      if (needs.some((n) => n.vpc === vpc && n.interfaces.length + n.gateways.length > 0)) return [];
      const count = vpc.natGateways.length;
      return [{
        file: nat.anchor.file, range: nat.anchor.range, ...(nat.anchor.address ? { address: nat.anchor.address } : {}),
        message: `Every AWS service this module is seen to use has an endpoint in ${vpc.label}: if nothing else needs the internet (package updates, third-party APIs), removing ${count === 1 ? 'its NAT gateway' : `its ${count} NAT gateways`} would save ${savings(analysis, vpc)}.`,
      }];
    });
  },
};
