// Resources created by registry modules vpce-lens understands without downloading them
// (terraform-aws-modules vpc and vpc-endpoints), for every such call in one module.
import type { Evaluator } from '../evaluator';
import type { ModuleCall } from '../module';
import { registryModuleKind } from './sources';
import type { RegistryCall, RegistryResources } from './types';
import { vpcEndpointsCall } from './vpcEndpoints';
import { vpcCall } from './vpcNatGateways';

export type { RegistryCall, RegistryResources } from './types';

/** The built-in models of the calls `modelled` accepts (those whose code is not downloaded). */
export function registryModuleResources(evaluator: Evaluator, modelled: (call: ModuleCall) => boolean): RegistryResources {
  const calls: RegistryCall[] = [];
  for (const call of evaluator.module.moduleCalls.values()) {
    if (!modelled(call)) continue;
    const kind = registryModuleKind(call);
    if (kind === 'vpc-endpoints') calls.push(vpcEndpointsCall(evaluator, call));
    else if (kind === 'vpc') calls.push(vpcCall(evaluator, call));
  }
  return { calls, endpoints: calls.flatMap((c) => c.endpoints), natGateways: calls.flatMap((c) => c.natGateways) };
}
