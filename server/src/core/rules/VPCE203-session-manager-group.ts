// VPCE203: Session Manager needs ssm, ssmmessages and ec2messages together; some but not all are
// in the VPC.
import { groupRule } from './missing/groupGaps';

export const sessionManagerGroup = groupRule('VPCE203', 'session-manager');
