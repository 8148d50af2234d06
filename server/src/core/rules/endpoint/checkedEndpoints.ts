// The endpoints the endpoint rules check in one module: its `aws_vpc_endpoint` instances, and
// the entries of its terraform-aws-modules vpc-endpoints calls as the built-in model reads them,
// whether or not the call's code is downloaded. The downloaded code of such a call is not
// checked itself: its endpoints are those entries, and the user writes them in the call.
import type { EvaluatedModule } from '../../analysis';
import type { EndpointView } from '../../model/endpoints';
import { registryModuleKind } from '../../model/registryModules/sources';
import { vpcEndpointsCall } from '../../model/registryModules/vpcEndpoints';

const checked = new WeakMap<EvaluatedModule, EndpointView[]>();

export function checkedEndpoints(module: EvaluatedModule): EndpointView[] {
  let views = checked.get(module);
  if (views) return views;
  const { evaluator, origin } = module;
  const own = origin?.downloaded && registryModuleKind(origin.call) === 'vpc-endpoints' ? [] : module.endpoints;
  const downloadedCalls = [...evaluator.module.moduleCalls.values()].filter((call) => registryModuleKind(call) === 'vpc-endpoints' && evaluator.refs.hasChildCode(call));
  views = [...own, ...module.registry.endpoints, ...downloadedCalls.flatMap((call) => vpcEndpointsCall(evaluator, call).endpoints)];
  checked.set(module, views);
  return views;
}
