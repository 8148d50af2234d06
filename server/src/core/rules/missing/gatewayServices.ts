// What the per-VPC rules do with each gateway-capable service, as data
// (rules/data/gateway-services.json) rather than service names in the rules' logic.
import gatewayData from '../data/gateway-services.json';

/** Services whose free Gateway endpoint every VPC with private routing is checked for. */
export const PER_VPC_GATEWAY_SERVICES: readonly string[] = gatewayData.perVpc;

const ALL_ROUTE_TABLES: ReadonlySet<string> = new Set(gatewayData.allRouteTables);

/** Whether a fix puts the service's Gateway endpoint on every route table of the VPC (else the private ones). */
export function onEveryRouteTable(service: string): boolean {
  return ALL_ROUTE_TABLES.has(service);
}
