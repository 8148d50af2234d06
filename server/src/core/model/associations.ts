// Subnets, route tables and security groups attached to an endpoint through
// aws_vpc_endpoint_*_association resources instead of inline arguments.
import { findAttribute } from '../parse/ast';
import type { Evaluator } from './evaluator';
import type { Instance } from './scope';
import { evaluateArgument, referenceKey, referencedAddresses } from './viewHelpers';

export type AssociationKind = 'subnet' | 'route_table' | 'security_group';

const RESOURCE_TYPES: Record<AssociationKind, { type: string; member: string }> = {
  subnet: { type: 'aws_vpc_endpoint_subnet_association', member: 'subnet_id' },
  route_table: { type: 'aws_vpc_endpoint_route_table_association', member: 'route_table_id' },
  security_group: { type: 'aws_vpc_endpoint_security_group_association', member: 'security_group_id' },
};

interface AssociationIndex {
  /** endpoint instance address -> members */
  members: Map<string, (string | undefined)[]>;
  /** endpoint resource addresses whose associations cannot all be evaluated */
  unknownFor: Set<string>;
}

const indexes = new WeakMap<Evaluator, Map<AssociationKind, AssociationIndex>>();

function buildIndex(evaluator: Evaluator, kind: AssociationKind): AssociationIndex {
  const { type, member } = RESOURCE_TYPES[kind];
  const index: AssociationIndex = { members: new Map(), unknownFor: new Set() };
  for (const resource of evaluator.module.resources.values()) {
    if (resource.type !== type || resource.mode !== 'managed') continue;
    const endpointExpr = findAttribute(resource.block.body, 'vpc_endpoint_id')?.expr;
    const instances = evaluator.refs.instances(resource);
    if (!instances.known) {
      for (const address of endpointExpr ? referencedAddresses(endpointExpr) : []) index.unknownFor.add(address);
      continue;
    }
    for (const instance of instances.instances) {
      const endpoint = referenceKey(evaluateArgument(evaluator, instance, 'vpc_endpoint_id'));
      if (endpoint === undefined) {
        for (const address of endpointExpr ? referencedAddresses(endpointExpr) : []) index.unknownFor.add(address);
        continue;
      }
      const list = index.members.get(endpoint) ?? [];
      list.push(referenceKey(evaluateArgument(evaluator, instance, member)));
      index.members.set(endpoint, list);
    }
  }
  return index;
}

export function associationsOf(evaluator: Evaluator, endpoint: Instance, kind: AssociationKind): { members: (string | undefined)[]; unknown: boolean } {
  let byKind = indexes.get(evaluator);
  if (!byKind) indexes.set(evaluator, (byKind = new Map()));
  let index = byKind.get(kind);
  if (!index) byKind.set(kind, (index = buildIndex(evaluator, kind)));
  const prefix = evaluator.refs.options.addressPrefix;
  return {
    members: index.members.get(endpoint.address) ?? [],
    unknown: index.unknownFor.has(endpoint.resource.address) || index.unknownFor.has(`${prefix}${endpoint.resource.address}`),
  };
}
