// VPCE206: a workload in a VPC (ECS task definition, private EKS cluster) needs an AWS API
// that has no endpoint there. Without NAT the call fails at runtime (error); with NAT it costs
// the NAT's per-GB rate (info). Silent when the workload's subnets all route to an internet
// gateway, or when its VPC cannot be told among several.
import type { ModuleAnalysis } from '../analysis';
import { missingEndpointsFix } from './missing/endpointFix';
import { missingText } from './missing/groupGaps';
import { throughNat } from './missing/natRate';
import { hasPrivateRouting } from './missing/vpcGroups';
import { workloadNeeds, type WorkloadNeed } from './missing/workloadNeeds';
import { later, type Rule, type RuleFinding } from './rule';

export const workloadEndpoints: Rule = {
  id: 'VPCE206',
  run: (analysis) => workloadNeeds(analysis).flatMap((need) => needFinding(analysis, need)),
};

function needFinding(analysis: ModuleAnalysis, need: WorkloadNeed): RuleFinding[] {
  const { use, vpc, interfaces, gateways } = need;
  if (interfaces.length + gateways.length === 0 || !hasPrivateRouting(vpc)) return [];
  const missing = missingText(interfaces, gateways);
  const withNat = vpc.natGateways.length > 0;
  const consequence = withNat
    ? `so these calls go ${throughNat(vpc, analysis.settings)}`
    : 'and has no NAT gateway, so these calls will fail at runtime';
  return [{
    file: use.file, range: use.range, address: use.address,
    message: `${use.address} ${use.signal.describe}, but ${vpc.label} lacks ${missing}${withNat ? ',' : ''} ${consequence}.`,
    severity: withNat ? 'info' : 'error',
    fixes: later(() => missingEndpointsFix(analysis.modules, vpc, { interfaces, gateways }, `Add ${missing} to ${vpc.label}`)),
  }];
}
