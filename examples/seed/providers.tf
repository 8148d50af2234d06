terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  description = "Region of the workload VPC."
  type        = string
  default     = "ap-northeast-1"
}

data "aws_region" "current" {}
