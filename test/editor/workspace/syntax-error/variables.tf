# A valid sibling of main.tf: edits to it re-analyse the module.

variable "vpc_id" {
  type = string
}

variable "route_table_ids" {
  type    = list(string)
  default = []
}
