// VPCE205 fires on evidence of EC2 container instances; with none seen it is only information,
// and with Fargate-only tasks it is silent (rule fixtures test/fixtures/rules/VPCE205 show each).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeModule } from '../helpers/memoryModule';

const ENDPOINTS = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc_endpoint" "ecs" {
  for_each            = toset(["ecs", "ecs-agent"])
  vpc_id              = "vpc-1"
  service_name        = "com.amazonaws.eu-west-1.\${each.value}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = ["subnet-1"]
  security_group_ids  = ["sg-1"]
  private_dns_enabled = true
}
`;

const vpce205 = async (extra: string) => (await analyzeModule(ENDPOINTS + extra)).findings.filter((f) => f.rule === 'VPCE205');

test('VPCE205: a warning with EC2 evidence, information without any ECS workload seen, nothing for Fargate only', async () => {
  const ec2 = await vpce205('resource "aws_ecs_service" "x" {\n  name        = "x"\n  launch_type = "EC2"\n}\n');
  assert.deepEqual(ec2.map((f) => f.severity), ['warning']);
  const none = await vpce205('');
  assert.deepEqual(none.map((f) => f.severity), ['info']);
  assert.match(none[0]!.message, /No ECS container instance is seen in this configuration/);
  const fargate = await vpce205('resource "aws_ecs_service" "x" {\n  name        = "x"\n  launch_type = "FARGATE"\n}\n');
  assert.deepEqual(fargate, []);
  const userData = await vpce205('resource "aws_launch_template" "ecs" {\n  user_data = base64encode("#!/bin/bash\\necho ECS_CLUSTER=apps >> /etc/ecs/ecs.config")\n}\n');
  assert.deepEqual(userData.map((f) => f.severity), ['warning']);
});
