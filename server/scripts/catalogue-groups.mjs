// The endpoint dependency groups of vpc-endpoint-facts.md section 2, written down as data.
// The facts file is prose with tables, so the groups are transcribed here once and
// build-catalogue.mjs checks every member against the service list and the facts text.
//
// Member lists hold service short names (services.json keys):
//   required          interface endpoints that must all be present for the group to work
//   requiredGateway   gateway endpoints the group cannot work without
//   optional          interface endpoints some setups need (see `when`)
//   companionGateway  gateway endpoints recommended alongside (free, so always worth adding)
//   when              per member: in which case it is needed (from the facts table)

export const groupsGeneratedFrom =
  'vpc-endpoint-facts.md section 2 (dependency groups), transcribed in server/scripts/catalogue-groups.mjs';

const SSM_SETUP = 'https://docs.aws.amazon.com/systems-manager/latest/userguide/setup-create-vpc.html';
const SSM_MESSAGE_APIS = 'https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-setting-up-messageAPIs.html';
const ECR_VPC = 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html';
const ECS_VPC = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/vpc-endpoints.html';
const FARGATE_PV = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-version-migration.html';
const EKS_PRIVATE = 'https://docs.aws.amazon.com/eks/latest/userguide/private-clusters.html';

export const endpointGroups = {
  'session-manager': {
    title: 'Systems Manager / Session Manager',
    why: 'SSM Agent on instances without an internet path reaches Systems Manager only through ssm, ssmmessages and ec2messages.',
    required: ['ssm', 'ssmmessages', 'ec2messages'],
    optional: ['kms', 'logs', 'ec2'],
    companionGateway: ['s3'],
    when: {
      ssm: 'always: the Systems Manager service endpoint',
      ssmmessages: 'Session Manager data channel; current docs also route agent operations and Command documents over it',
      ec2messages: 'SSM Agent calls to the Systems Manager service (fallback channel for commands)',
      kms: 'KMS encryption for Session Manager or Parameter Store parameters',
      logs: 'sending session or command logs to CloudWatch Logs without internet access',
      ec2: 'VSS-enabled snapshots (enumerating attached EBS volumes)',
      s3: 'SSM Agent updates, patch baselines, output logs and scripts stored in S3',
    },
    facts: 'vpc-endpoint-facts.md 2.1',
    sources: [SSM_SETUP, SSM_MESSAGE_APIS],
  },
  ecr: {
    title: 'ECR image pulls',
    why: 'Pulling from ECR calls ecr.api and ecr.dkr, and image layers come from S3, which ECR can only reach through a Gateway endpoint.',
    required: ['ecr.api', 'ecr.dkr'],
    requiredGateway: ['s3'],
    optional: ['logs'],
    when: {
      'ecr.api': 'always: registry API calls (authorization token, manifests)',
      'ecr.dkr': 'always: the Docker registry endpoint; needs private DNS enabled',
      s3: 'always: image layers are stored in S3 (prod-<region>-starport-layer-bucket); interface endpoints for S3 cannot be used with ECR',
      logs: 'containers using the awslogs log driver without an internet gateway',
    },
    facts: 'vpc-endpoint-facts.md 2.2',
    sources: [ECR_VPC, ECS_VPC, FARGATE_PV],
  },
  'ecs-ec2': {
    title: 'Amazon ECS on EC2 container instances',
    why: 'The ECS container agent registers and reports through ecs, ecs-agent and ecs-telemetry; without all three its traffic goes over the public endpoints.',
    required: ['ecs', 'ecs-agent', 'ecs-telemetry'],
    when: {
      ecs: 'always (EC2 launch type; not needed by Fargate tasks)',
      'ecs-agent': 'always (EC2 launch type); also Service Connect Envoy management',
      'ecs-telemetry': 'always (EC2 launch type)',
    },
    facts: 'vpc-endpoint-facts.md 2.3',
    sources: [ECS_VPC],
  },
  eks: {
    title: 'Amazon EKS private cluster',
    why: 'Nodes of a cluster without outbound internet reach the EC2, ECR, STS and CloudWatch Logs APIs, and S3 for image layers, only through endpoints.',
    required: ['ec2', 'ecr.api', 'ecr.dkr', 'sts', 'logs'],
    requiredGateway: ['s3'],
    optional: ['elasticloadbalancing', 'xray', 'ssm', 'eks-auth', 'eks', 'route53', 'autoscaling'],
    when: {
      ec2: 'always: the EKS-optimized AMI uses the EC2 API to set the node DNS name',
      'ecr.api': 'pulling images',
      'ecr.dkr': 'pulling images',
      s3: 'pulling images (layers are stored in S3)',
      sts: 'IAM roles for service accounts (IRSA); SDKs must use the regional STS endpoint; also Cluster Autoscaler',
      logs: 'node and pod logs to CloudWatch Logs',
      elasticloadbalancing: 'AWS Load Balancer Controller (ALB/NLB)',
      xray: 'tracing with X-Ray',
      ssm: 'SSM Agent node management',
      'eks-auth': 'EKS Pod Identity',
      eks: 'calls to the EKS API from inside the VPC',
      route53: 'Route 53 API calls (global service name com.amazonaws.route53)',
      autoscaling: 'Cluster Autoscaler (with sts)',
    },
    facts: 'vpc-endpoint-facts.md 2.4',
    sources: [EKS_PRIVATE],
  },
};
