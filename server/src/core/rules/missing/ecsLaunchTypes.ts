// Where ECS tasks of the analysed modules run: on EC2 container instances (a capacity provider
// with an Auto Scaling group, `launch_type = "EC2"` or its default, a task definition without
// FARGATE compatibility, an ECS-optimised AMI or ECS_CLUSTER in user data) or only on Fargate.
// VPCE205 (the agent endpoints) needs EC2 evidence: Fargate tasks do not use those endpoints.
import evidence from '../data/ecs-launch-evidence.json';
import type { EvaluatedModule, ModuleAnalysis } from '../../analysis';
import type { Resource } from '../../model/module';
import { isList } from '../../model/values';
import type { Body } from '../../parse/ast';

export type EcsLaunch = 'ec2' | 'fargate-only' | 'none';

const FARGATE = new Set(evidence.fargateCapacityProviders);
const RELEVANT = new Set([
  ...evidence.ec2Resources, ...evidence.ec2Text.resourceTypes,
  'aws_ecs_service', 'aws_ecs_task_definition', 'aws_ecs_cluster_capacity_providers',
]);

export function ecsLaunch(analysis: ModuleAnalysis): EcsLaunch {
  let fargate = false;
  for (const module of analysis.modules) {
    for (const resource of module.evaluator.module.resources.values()) {
      if (resource.mode !== 'managed' || !RELEVANT.has(resource.type) || !hasInstances(module, resource)) continue;
      const verdict = resourceLaunch(module, resource);
      if (verdict === 'ec2') return 'ec2';
      if (verdict === 'fargate') fargate = true;
    }
  }
  return fargate ? 'fargate-only' : 'none';
}

function hasInstances(module: EvaluatedModule, resource: Resource): boolean {
  const instances = module.evaluator.refs.instances(resource);
  return !instances.known || instances.instances.length > 0;
}

function resourceLaunch(module: EvaluatedModule, resource: Resource): 'ec2' | 'fargate' | undefined {
  const body = resource.block.body;
  const read = (name: string) => {
    const attribute = body.attributes.find((a) => a.name === name);
    return attribute ? module.evaluator.evaluate(attribute.expr, {}) : undefined;
  };
  if (evidence.ec2Resources.includes(resource.type)) return 'ec2';
  if (evidence.ec2Text.resourceTypes.includes(resource.type)) return textMentionsEc2(body) ? 'ec2' : undefined;
  switch (resource.type) {
    case 'aws_ecs_service': {
      const launchType = read('launch_type');
      if (launchType === 'EC2') return 'ec2';
      if (launchType === 'FARGATE') return 'fargate';
      const providers = body.blocks.filter((b) => b.type === 'capacity_provider_strategy').map((b) => {
        const attribute = b.body.attributes.find((a) => a.name === 'capacity_provider');
        return attribute ? module.evaluator.evaluate(attribute.expr, {}) : undefined;
      });
      // No launch type and no strategy: the cluster's default strategy decides, which says nothing here.
      if (providers.length === 0) return undefined;
      if (providers.every((p) => typeof p === 'string' && FARGATE.has(p))) return 'fargate';
      return providers.some((p) => typeof p === 'string' && !FARGATE.has(p)) ? 'ec2' : undefined;
    }
    case 'aws_ecs_task_definition': {
      const compat = read('requires_compatibilities');
      if (compat === undefined || compat === null) return 'ec2'; // without FARGATE it runs on EC2 only
      if (!isList(compat)) return undefined;
      // An Unknown element could be anything: no verdict then.
      if (compat.some((c) => typeof c !== 'string')) return undefined;
      return compat.includes('EC2') || compat.includes('EXTERNAL') ? 'ec2' : compat.length > 0 && compat.every((c) => c === 'FARGATE') ? 'fargate' : undefined;
    }
    case 'aws_ecs_cluster_capacity_providers': {
      const providers = read('capacity_providers');
      return providers !== undefined && isList(providers) && providers.length > 0 && providers.every((p) => typeof p === 'string' && FARGATE.has(p)) ? 'fargate' : undefined;
    }
    default:
      return undefined;
  }
}

function textMentionsEc2(body: Body): boolean {
  const text = JSON.stringify(body, (key, value: unknown) => (key === 'range' || key === 'nameRange' ? undefined : value));
  return evidence.ec2Text.patterns.some((p) => text.includes(p));
}
