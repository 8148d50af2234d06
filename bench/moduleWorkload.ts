// The module-instances workload: a root that calls a local endpoint module with for_each (60
// instances) and a registry module read from the `terraform init` cache with count (40
// instances), each instance creating interface endpoints in its own subnets. 100 module
// instances in all, as real stacks of many small modules have. Deterministic.
const LOCAL_INSTANCES = 60;
const CACHED_INSTANCES = 40;
const SERVICES = ['ssm', 'ssmmessages', 'ec2messages', 'logs'];

const ENDPOINT_MODULE = `variable "name" {
  type = string
}

variable "vpc_id" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "services" {
  type    = set(string)
  default = ["ssm"]
}

data "aws_region" "current" {}

resource "aws_vpc_endpoint" "this" {
  for_each = var.services

  vpc_id              = var.vpc_id
  service_name        = "com.amazonaws.\${data.aws_region.current.name}.\${each.value}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = var.subnet_ids
  private_dns_enabled = true
  tags                = { Name = "\${var.name}-\${replace(each.value, ".", "-")}" }
}

output "ids" {
  value = { for k, e in aws_vpc_endpoint.this : k => e.id }
}
`;

/** Files by path relative to the root module (the cache's folders included). */
export function moduleInstancesWorkload(): Map<string, string> {
  const files = new Map<string, string>();
  const names = Array.from({ length: LOCAL_INSTANCES }, (_, i) => `app-${String(i).padStart(3, '0')}`);
  files.set('main.tf', `provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  count      = 3
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}

locals {
  apps = { for i, name in ${JSON.stringify(names)} : name => {
    services = slice(${JSON.stringify(SERVICES)}, 0, 1 + i % ${SERVICES.length})
    subnets  = i % 2 == 0 ? aws_subnet.private[*].id : slice(aws_subnet.private[*].id, 0, 2)
  } }
}

module "app_endpoints" {
  source   = "./modules/endpoint"
  for_each = local.apps

  name       = each.key
  vpc_id     = aws_vpc.main.id
  subnet_ids = each.value.subnets
  services   = each.value.services
}

module "shared_endpoints" {
  source  = "acme-corp/endpoint/aws"
  version = "2.0.0"
  count   = ${CACHED_INSTANCES}

  name       = "shared-\${count.index}"
  vpc_id     = aws_vpc.main.id
  subnet_ids = [aws_subnet.private[count.index % 3].id]
  services   = count.index % 2 == 0 ? ["sts"] : ["sts", "kms"]
}
`);
  files.set('modules/endpoint/main.tf', ENDPOINT_MODULE);
  files.set('.terraform/modules/shared_endpoints/main.tf', ENDPOINT_MODULE);
  files.set('.terraform/modules/modules.json', JSON.stringify({
    Modules: [
      { Key: '', Source: '', Dir: '.' },
      { Key: 'app_endpoints', Source: './modules/endpoint', Dir: 'modules/endpoint' },
      { Key: 'shared_endpoints', Source: 'registry.terraform.io/acme-corp/endpoint/aws', Version: '2.0.0', Dir: '.terraform/modules/shared_endpoints' },
    ],
  }));
  return files;
}

/** Endpoint instances the workload creates: what a correct analysis prices. */
export function moduleInstancesEndpointCount(): number {
  let n = 0;
  for (let i = 0; i < LOCAL_INSTANCES; i++) n += 1 + (i % SERVICES.length);
  for (let i = 0; i < CACHED_INSTANCES; i++) n += i % 2 === 0 ? 1 : 2;
  return n;
}
