// The idiom-heavy workload: networks written the way public modules write them (see
// test/fixtures/idioms): AZs sliced from a data source, a nested-conditional NAT count,
// endpoint maps built by `for` with `replace` keys and `merge`, `lookup`/`try`/`coalesce`
// defaults, null for switched-off arguments, service names from `aws_vpc_endpoint_service`,
// a local child module typed with optional() per network, and terraform-aws-modules calls.
// Unrelated resources in between, as in the main workload. Deterministic for a given seed.
import { rng, unrelatedFile } from './workload';

const SERVICES = ['ssm', 'ssmmessages', 'ec2messages', 'ecr.api', 'ecr.dkr', 'logs', 'sts', 'kms', 'secretsmanager', 'elasticloadbalancing'];
const REGIONS = ['us-east-1', 'eu-west-1', 'us-west-2', 'eu-central-1', 'ap-northeast-1'];

/** The child module every network calls: an endpoints input typed with optional() defaults. */
export const ENDPOINTS_MODULE = `variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type    = list(string)
  default = []
}

variable "endpoints" {
  type = map(object({
    service             = string
    type                = optional(string, "Interface")
    private_dns_enabled = optional(bool, true)
    subnet_ids          = optional(list(string), [])
    route_table_ids     = optional(list(string))
    create              = optional(bool, true)
  }))
  default = {}
}

data "aws_region" "current" {}

resource "aws_vpc_endpoint" "this" {
  for_each = { for name, e in var.endpoints : name => e if e.create }

  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.\${data.aws_region.current.name}.\${each.value.service}"
  vpc_endpoint_type   = each.value.type
  route_table_ids     = each.value.route_table_ids
  private_dns_enabled = each.value.type == "Interface" ? each.value.private_dns_enabled : null
  subnet_ids          = contains(["Interface", "GatewayLoadBalancer"], each.value.type) ? distinct(concat(var.subnet_ids, each.value.subnet_ids)) : null
}
`;

function pick<T>(items: readonly T[], random: () => number, p: number): T[] {
  return items.filter(() => random() < p);
}

/** A network of resources, in the style of terraform-aws-modules vpc and vpc-endpoints. */
export function idiomNetworkFile(i: number, random: () => number): string {
  const region = REGIONS[i % REGIONS.length]!;
  const azs = 2 + Math.floor(random() * 2);
  const services = pick(SERVICES, random, 0.6);
  const extra = pick(['sqs', 'sns', 'monitoring'], random, 0.7);
  return `provider "aws" {
  alias  = "n${i}"
  region = "${region}"
}

data "aws_availability_zones" "n${i}" {
  provider = aws.n${i}
}

variable "single_nat_${i}" {
  type    = bool
  default = ${random() < 0.5}
}

variable "per_az_nat_${i}" {
  type    = bool
  default = true
}

variable "services_${i}" {
  type    = set(string)
  default = [${services.map((s) => `"${s}"`).join(', ')}]
}

locals {
  azs_${i}       = slice(data.aws_availability_zones.n${i}.names, 0, ${azs})
  cidr_${i}      = "10.${i % 250}.0.0/16"
  nat_count_${i} = var.single_nat_${i} ? 1 : var.per_az_nat_${i} ? length(local.azs_${i}) : max(length(local.azs_${i}), 1)
  dns_off_${i}   = { s3 = true }
  endpoints_${i} = merge(
    { s3 = { service = "s3", service_type = "Gateway" } },
    { for s in var.services_${i} : replace(s, ".", "_") => { service = s, private_dns = !lookup(local.dns_off_${i}, s, false) } },
  )
}

resource "aws_vpc" "n${i}" {
  provider   = aws.n${i}
  cidr_block = local.cidr_${i}
}

resource "aws_subnet" "public${i}" {
  provider          = aws.n${i}
  count             = length(local.azs_${i})
  vpc_id            = aws_vpc.n${i}.id
  availability_zone = local.azs_${i}[count.index]
  cidr_block        = cidrsubnet(local.cidr_${i}, 8, count.index + 100)
}

resource "aws_subnet" "private${i}" {
  provider          = aws.n${i}
  count             = length(local.azs_${i})
  vpc_id            = aws_vpc.n${i}.id
  availability_zone = local.azs_${i}[count.index]
  cidr_block        = cidrsubnet(local.cidr_${i}, 8, count.index)
}

resource "aws_nat_gateway" "n${i}" {
  provider  = aws.n${i}
  count     = local.nat_count_${i}
  subnet_id = element(aws_subnet.public${i}[*].id, var.single_nat_${i} ? 0 : count.index)
}

resource "aws_route_table" "private${i}" {
  provider = aws.n${i}
  count    = local.nat_count_${i}
  vpc_id   = aws_vpc.n${i}.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.n${i}[count.index].id
  }
}

resource "aws_security_group" "endpoints${i}" {
  provider = aws.n${i}
  vpc_id   = aws_vpc.n${i}.id

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.n${i}.cidr_block]
  }
}

data "aws_vpc_endpoint_service" "n${i}" {
  provider = aws.n${i}
  for_each = local.endpoints_${i}

  service      = lookup(each.value, "service", null)
  service_name = lookup(each.value, "service_name", null)
  service_type = lookup(each.value, "service_type", "Interface")
}

resource "aws_vpc_endpoint" "n${i}" {
  provider = aws.n${i}
  for_each = local.endpoints_${i}

  vpc_id            = aws_vpc.n${i}.id
  service_name      = data.aws_vpc_endpoint_service.n${i}[each.key].service_name
  vpc_endpoint_type = lookup(each.value, "service_type", "Interface")

  route_table_ids     = lookup(each.value, "service_type", "Interface") == "Gateway" ? aws_route_table.private${i}[*].id : null
  subnet_ids          = lookup(each.value, "service_type", "Interface") == "Interface" ? aws_subnet.private${i}[*].id : null
  security_group_ids  = try(each.value.service_type, "Interface") == "Interface" ? [aws_security_group.endpoints${i}.id] : null
  private_dns_enabled = lookup(each.value, "service_type", "Interface") == "Interface" ? coalesce(try(each.value.private_dns, null), true) : null
}

module "more_endpoints_${i}" {
  source    = "./modules/endpoints"
  providers = { aws = aws.n${i} }

  vpc_id     = aws_vpc.n${i}.id
  subnet_ids = aws_subnet.private${i}[*].id
  endpoints = {
${extra.map((s) => `    ${s} = { service = "${s}" }`).join('\n')}
    dynamodb = { service = "dynamodb", type = "Gateway", route_table_ids = aws_route_table.private${i}[*].id }
    audit    = { service = "cloudtrail", create = false }
  }
}
`;
}

/** A stack of terraform-aws-modules calls, in the style of the EKS blueprints. */
export function idiomRegistryFile(i: number, random: () => number): string {
  const region = REGIONS[(i + 2) % REGIONS.length]!;
  const services = pick(SERVICES, random, 0.6);
  return `provider "aws" {
  alias  = "r${i}"
  region = "${region}"
}

data "aws_availability_zones" "r${i}" {
  provider = aws.r${i}
}

locals {
  cidr_${i} = "10.${(i + 100) % 250}.0.0/16"
  azs_${i}  = slice(data.aws_availability_zones.r${i}.names, 0, 2)
}

module "vpc_${i}" {
  source    = "terraform-aws-modules/vpc/aws"
  version   = "~> 5.0"
  providers = { aws = aws.r${i} }

  name            = "stack-${i}"
  cidr            = local.cidr_${i}
  azs             = local.azs_${i}
  private_subnets = [for k, v in local.azs_${i} : cidrsubnet(local.cidr_${i}, 4, k)]
  public_subnets  = [for k, v in local.azs_${i} : cidrsubnet(local.cidr_${i}, 8, k + 48)]

  enable_nat_gateway = true
  single_nat_gateway = ${random() < 0.5}
}

module "vpc_endpoints_${i}" {
  source    = "terraform-aws-modules/vpc/aws//modules/vpc-endpoints"
  version   = "~> 5.0"
  providers = { aws = aws.r${i} }

  vpc_id = module.vpc_${i}.vpc_id

  endpoints = merge(
    { s3 = { service = "s3", service_type = "Gateway", route_table_ids = module.vpc_${i}.private_route_table_ids } },
    {
      for service in toset([${services.map((s) => `"${s}"`).join(', ')}]) : replace(service, ".", "_") => {
        service             = service
        subnet_ids          = module.vpc_${i}.private_subnets
        private_dns_enabled = true
      }
    },
  )
}
`;
}

/** Files of one module (path relative to it -> text) totalling about `bytes`, the child module included. */
export function idiomModuleOfSize(bytes: number, seed = 3): Map<string, string> {
  const random = rng(seed);
  const files = new Map<string, string>([['modules/endpoints/main.tf', ENDPOINTS_MODULE]]);
  let size = ENDPOINTS_MODULE.length;
  for (let i = 0; size < bytes; i++) {
    const text = i % 4 === 0 ? idiomNetworkFile(i, random) : i % 4 === 2 ? idiomRegistryFile(i, random) : unrelatedFile(i, random);
    files.set(`file${String(i).padStart(4, '0')}.tf`, text);
    size += text.length;
  }
  return files;
}
