// VPCE205: ECS container instances on EC2 need ecs, ecs-agent and ecs-telemetry together; fires
// only on evidence of EC2 container instances (Fargate tasks use none of the agent endpoints).
import { ecsOnEc2Evidence, groupRule } from './missing/groupGaps';

export const ecsOnEc2Group = groupRule('VPCE205', 'ecs-ec2', undefined, ecsOnEc2Evidence);
