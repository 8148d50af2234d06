# A module with private route tables and no S3 Gateway endpoint (VPCE201), for the snippet
# test: it inserts the vpce-gateway snippet (s3 by default) at the end, which must parse and
# take VPCE201 away. The names match the snippets' defaults (aws_vpc.main, aws_subnet.private,
# aws_route_table.private, data.aws_region.current).

provider "aws" {
  region = "eu-west-1"
}

data "aws_region" "current" {}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
  availability_zone = "eu-west-1${["a", "b"][count.index]}"
}

resource "aws_route_table" "private" {
  count  = 2
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "private" {
  count          = 2
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}

