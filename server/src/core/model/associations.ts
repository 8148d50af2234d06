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

export interface Association {
  /** The attached subnet / route table / security group, when it can be named. */
  member: string | undefined;
  /** The association resource instance. */
  address: string;
}

interface AssociationIndex {
  /** endpoint instance address -> its associations */
  members: Map<string, Association[]>;
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
      const endpointId = evaluateArgument(evaluator, instance, 'vpc_endpoint_id');
      if (endpointId === undefined) continue; // null: this instance attaches nothing
      const endpoint = referenceKey(endpointId);
      if (endpoint === undefined) {
        for (const address of endpointExpr ? referencedAddresses(endpointExpr) : []) index.unknownFor.add(address);
        continue;
      }
      const list = index.members.get(endpoint) ?? [];
      list.push({ member: referenceKey(evaluateArgument(evaluator, instance, member)), address: instance.address });
      index.members.set(endpoint, list);
    }
  }
  return index;
}

/** The association resources attaching things of `kind` to an endpoint instance (indexed once per analysis). */
export function associationsOf(evaluator: Evaluator, endpoint: Instance, kind: AssociationKind): { associations: Association[]; members: (string | undefined)[]; unknown: boolean } {
  let byKind = indexes.get(evaluator);
  if (!byKind) indexes.set(evaluator, (byKind = new Map()));
  let index = byKind.get(kind);
  if (!index) byKind.set(kind, (index = buildIndex(evaluator, kind)));
  const prefix = evaluator.refs.options.addressPrefix;
  const associations = index.members.get(endpoint.address) ?? [];
  return {
    associations,
    members: associations.map((a) => a.member),
    unknown: index.unknownFor.has(endpoint.resource.address) || index.unknownFor.has(`${prefix}${endpoint.resource.address}`),
  };
}
