// Generates realistic Terraform for the benchmark: VPC modules with subnets (count and
// for_each), route tables, NAT gateways, endpoint sets with security groups, and unrelated
// resources in bulk. Deterministic for a given seed.
const SERVICES = ['ssm', 'ssmmessages', 'ec2messages', 'ecr.api', 'ecr.dkr', 'logs', 'secretsmanager', 'kms', 'sts', 'sqs', 'sns', 'monitoring'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-northeast-1', 'eu-central-1', 'sa-east-1'];

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function networkFile(i: number, random: () => number): string {
  const region = REGIONS[i % REGIONS.length]!;
  const azs = 2 + Math.floor(random() * 2);
  const services = SERVICES.filter(() => random() < 0.7);
  return `provider "aws" {
  alias  = "r${i}"
  region = "${region}"
}

resource "aws_vpc" "vpc${i}" {
  provider             = aws.r${i}
  cidr_block           = "10.${i % 250}.0.0/16"
  enable_dns_hostnames = true
}

locals {
  azs_${i} = [${Array.from({ length: azs }, (_, k) => `"${region}${'abc'[k]}"`).join(', ')}]
  endpoints_${i} = [${services.map((s) => `"${s}"`).join(', ')}]
}

resource "aws_subnet" "private${i}" {
  provider          = aws.r${i}
  count             = length(local.azs_${i})
  vpc_id            = aws_vpc.vpc${i}.id
  availability_zone = local.azs_${i}[count.index]
  cidr_block        = cidrsubnet(aws_vpc.vpc${i}.cidr_block, 8, count.index)
}

resource "aws_route_table" "private${i}" {
  provider = aws.r${i}
  count    = length(local.azs_${i})
  vpc_id   = aws_vpc.vpc${i}.id
}

resource "aws_security_group" "endpoints${i}" {
  provider = aws.r${i}
  vpc_id   = aws_vpc.vpc${i}.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.vpc${i}.cidr_block]
  }
}

resource "aws_vpc_endpoint" "s3_${i}" {
  provider          = aws.r${i}
  vpc_id            = aws_vpc.vpc${i}.id
  service_name      = "com.amazonaws.${region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = aws_route_table.private${i}[*].id
}

resource "aws_vpc_endpoint" "interface${i}" {
  provider            = aws.r${i}
  for_each            = toset(local.endpoints_${i})
  vpc_id              = aws_vpc.vpc${i}.id
  service_name        = "com.amazonaws.${region}.\${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [for s in aws_subnet.private${i} : s.id]
  security_group_ids  = [aws_security_group.endpoints${i}.id]
  private_dns_enabled = true
}
`;
}

export function unrelatedFile(i: number, random: () => number): string {
  const parts: string[] = [];
  for (let k = 0; k < 8; k++) {
    parts.push(`resource "aws_iam_role" "role_${i}_${k}" {
  name = "role-${i}-${k}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
  tags = {
    Team        = "team-${Math.floor(random() * 20)}"
    Environment = "${random() < 0.5 ? 'prod' : 'staging'}"
  }
}

resource "aws_instance" "app_${i}_${k}" {
  ami           = "ami-${Math.floor(random() * 1e8).toString(16)}"
  instance_type = "t3.${random() < 0.5 ? 'micro' : 'large'}"
  tags = {
    Name = "app-${i}-${k}"
  }
  root_block_device {
    volume_size = ${8 + Math.floor(random() * 100)}
    encrypted   = true
  }
}
`);
  }
  return parts.join('\n');
}

/** Files of one module (name -> text) totalling about `bytes`. */
export function moduleOfSize(bytes: number, seed = 1): Map<string, string> {
  const random = rng(seed);
  const files = new Map<string, string>();
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = i % 4 === 0 ? networkFile(i, random) : unrelatedFile(i, random);
    files.set(`file${String(i).padStart(4, '0')}.tf`, text);
    size += text.length;
  }
  return files;
}

/** One file of about `lines` lines (network and unrelated blocks interleaved). */
export function fileOfLines(lines: number, seed = 2): string {
  const random = rng(seed);
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const text = i % 3 === 0 ? networkFile(i, random) : unrelatedFile(i, random);
    parts.push(text);
    count += text.split('\n').length;
  }
  return parts.join('\n');
}
