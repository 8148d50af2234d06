# A module with one Terraform syntax error: the doubled equals sign of vpc_endpoint_type.
# The editor suite finds the broken line by searching the text and fixes it with a WorkspaceEdit;
# the launchers run on a temporary copy, so this file is never changed.

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = var.vpc_id
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = = "Gateway"
  route_table_ids   = var.route_table_ids
}
