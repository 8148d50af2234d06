// How a fix refers to an endpoint's VPC from a new block: its id (as the endpoint writes it)
// and its CIDR (an aws_vpc resource's cidr_block, or the VPC module's vpc_cidr_block).
import type { EvaluatedModule } from '../../analysis';
import type { EndpointView } from '../../model/endpoints';
import { referencedAddresses, writtenArgument } from '../../model/viewHelpers';
import { copiedExpression } from '../../fixes/terraformText';
import { vpcModuleCall } from './privateNetwork';

export interface VpcReference {
  id: string;
  cidr: string;
}

export function vpcReference(module: EvaluatedModule, view: EndpointView): VpcReference | undefined {
  const written = writtenArgument(module.evaluator, view.instance, 'vpc_id');
  const vpc = module.network.vpcs.find((v) => v.address === view.vpc);
  const local = vpc ? vpc.address.slice(module.prefix.length) : undefined;
  const id = copiedExpression(written?.expr) ?? (local ? `${local}.id` : undefined);
  if (id === undefined) return undefined;
  if (local) return { id, cidr: `${local}.cidr_block` };
  const call = vpcModuleCall(module, written ? referencedAddresses(written.expr) : []);
  return call && id.startsWith(`module.${call}.`) ? { id, cidr: `module.${call}.vpc_cidr_block` } : undefined;
}
