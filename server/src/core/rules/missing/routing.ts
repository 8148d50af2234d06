// Which route tables are private, and which route table a subnet uses. "Private" (docs/rules.md):
// no route to an internet gateway, or a route to a NAT gateway. A route whose target cannot be
// told (a gateway id from a variable) leaves a table without a NAT route undecided.
import type { EvaluatedModule } from '../../analysis';
import type { RouteTableView } from '../../model/network';
import { evaluateArgument, referenceKey } from '../../model/viewHelpers';

export type Privacy = 'private' | 'public' | 'unknown';

export function routeTablePrivacy(table: RouteTableView): Privacy {
  if (table.routes.some((r) => r.target === 'nat_gateway')) return 'private';
  if (table.routes.some((r) => r.target === 'internet_gateway')) return 'public';
  if (table.routes.some((r) => r.target === 'unknown')) return 'unknown';
  return 'private';
}

/** subnet address -> route table address, from `aws_route_table_association` resources. */
export function subnetRouteTables(modules: readonly EvaluatedModule[]): Map<string, string> {
  const bySubnet = new Map<string, string>();
  for (const module of modules) {
    const evaluator = module.evaluator;
    for (const resource of evaluator.module.resources.values()) {
      if (resource.mode !== 'managed' || resource.type !== 'aws_route_table_association') continue;
      const instances = evaluator.refs.instances(resource);
      if (!instances.known) continue;
      for (const instance of instances.instances) {
        const subnet = referenceKey(evaluateArgument(evaluator, instance, 'subnet_id'));
        const table = referenceKey(evaluateArgument(evaluator, instance, 'route_table_id'));
        if (subnet !== undefined && table !== undefined) bySubnet.set(subnet, table);
      }
    }
  }
  return bySubnet;
}
