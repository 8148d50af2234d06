// VPCE207: an Interface endpoint for S3 or DynamoDB without the free Gateway endpoint beside it,
// where VPCE201/202 have not already said so.
import { addGatewayFix, missingGateway } from './missing/gatewayFindings';
import { PER_VPC_GATEWAY_SERVICES } from './missing/gatewayServices';
import { endpointsFor, presence } from './missing/presence';
import { gatewayTitle } from './missing/text';
import { endpointAnchor, vpcGroups } from './missing/vpcGroups';
import type { Rule } from './rule';

export const interfaceWithoutGateway: Rule = {
  id: 'VPCE207',
  run: (analysis) =>
    vpcGroups(analysis).flatMap((group) =>
      PER_VPC_GATEWAY_SERVICES.flatMap((service) => {
        if (missingGateway(group, service)) return []; // VPCE201/202 already say it, with the same fix
        const interfaces = endpointsFor(group, service).filter((e) => e.type === 'Interface');
        const first = interfaces[0];
        if (!first || presence(group, service, 'Gateway') !== 'absent') return [];
        const placed = group.endpoints.find((p) => p.view === first);
        const anchor = placed ? endpointAnchor(placed) : { file: first.file, range: first.resource.block.headerRange, address: first.address };
        const title = gatewayTitle(service);
        return [{
          file: anchor.file, range: anchor.range, address: first.address,
          message: `${title} has an Interface endpoint but no Gateway endpoint in ${group.label}: the Gateway endpoint is free for traffic from inside the VPC, while the Interface endpoint bills per AZ-hour and per GB.`,
          fixes: addGatewayFix(analysis, group, service),
        }];
      }),
    ),
};
