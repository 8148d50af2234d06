// What vpce-lens reads from one call of a registry module it understands.
import type { EndpointView } from '../endpoints';
import type { ModuleCall } from '../module';
import type { NatGatewayView } from '../network';

export type RegistryModuleKind = 'vpc-endpoints' | 'vpc';

export interface RegistryCall {
  call: ModuleCall;
  kind: RegistryModuleKind;
  /** Endpoint instances the call creates (vpc-endpoints module). */
  endpoints: EndpointView[];
  /** NAT gateway instances the call creates (vpc module). */
  natGateways: NatGatewayView[];
  /** How the NAT gateway count was decided (vpc module), for hovers. */
  natCountSource?: string;
  /** What could not be read and why, one sentence each. */
  notes: string[];
  /** What the call may create but cannot be listed or priced, with the reason. */
  unpriced: { address: string; kind: 'vpc_endpoint' | 'nat_gateway' | 'module'; reason: string }[];
}

export interface RegistryResources {
  calls: RegistryCall[];
  endpoints: EndpointView[];
  natGateways: NatGatewayView[];
}
