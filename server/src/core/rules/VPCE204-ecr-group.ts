// VPCE204: ECR pulls need ecr.api, ecr.dkr and the S3 Gateway endpoint together; an error without
// NAT (pulls fail), a warning with NAT (pulls go through it).
import { groupRule } from './missing/groupGaps';

export const ecrGroup = groupRule('VPCE204', 'ecr', 'warning');
