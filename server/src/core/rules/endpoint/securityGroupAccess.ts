// Whether an endpoint's security groups admit TCP on the service port from inside the VPC.
// Three answers: yes, no, or cannot tell (a source that is another group or a prefix list, an
// unknown port, protocol or CIDR, a rule resource whose group cannot be told): VPCE106 fires
// only on "no".
import type { EvaluatedModule } from '../../analysis';
import type { IngressRule, SecurityGroupView } from '../../model/network';
import { argumentState, evaluateArgument, referenceKey } from '../../model/viewHelpers';
import { resourcesOfType } from './moduleResources';

export type Answer = 'yes' | 'no' | 'unknown';

const RULE_RESOURCES = ['aws_vpc_security_group_ingress_rule', 'aws_security_group_rule'];

/** Parsed CIDRs: every endpoint's check reads the same few. */
const ranges = new Map<string, [number, number] | undefined>();

function ipv4Range(cidr: string): [number, number] | undefined {
  if (ranges.has(cidr)) return ranges.get(cidr);
  if (ranges.size > 10_000) ranges.clear();
  const range = parsedRange(cidr);
  ranges.set(cidr, range);
  return range;
}

function parsedRange(cidr: string): [number, number] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const bits = Number(match[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const address = octets.reduce((a, o) => a * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const start = Math.floor(address / size) * size;
  return [start, start + size - 1];
}

function overlaps(a: string, b: string): boolean | undefined {
  const x = ipv4Range(a);
  const y = ipv4Range(b);
  return x && y ? x[0] <= y[1] && y[0] <= x[1] : undefined;
}

function ruleAdmits(rule: IngressRule, port: number, vpcCidr: string | undefined): Answer {
  if (rule.protocol === undefined) return 'unknown';
  const protocol = rule.protocol.toLowerCase();
  const allTraffic = protocol === '-1' || protocol === 'all';
  if (!allTraffic && protocol !== 'tcp' && protocol !== '6') return 'no';
  if (!allTraffic) {
    if (rule.fromPort === undefined || rule.toPort === undefined) return 'unknown';
    if (port < rule.fromPort || port > rule.toPort) return 'no';
  }
  if (rule.otherSources) return 'unknown';
  if (rule.cidrs.length === 0) return 'no';
  if (vpcCidr === undefined) return 'unknown';
  const answers = rule.cidrs.map((c) => overlaps(c, vpcCidr));
  if (answers.includes(true)) return 'yes';
  return answers.includes(undefined) ? 'unknown' : 'no';
}

/** A group written with `ingress = [...]` as an attribute is not read rule by rule (`ingress = null` sets none). */
function groupIsReadable(module: EvaluatedModule, group: SecurityGroupView): boolean {
  return argumentState(module.evaluator, group.instance, 'ingress') === 'unset';
}

/** Per module of an analysis: every endpoint's check asks. */
const unattributed = new WeakMap<EvaluatedModule, boolean>();
const groupsByAddress = new WeakMap<EvaluatedModule, Map<string, SecurityGroupView>>();

/** A rule resource whose group or type cannot be told might be the one that admits the traffic. */
function hasUnattributedRules(module: EvaluatedModule): boolean {
  let known = unattributed.get(module);
  if (known === undefined) unattributed.set(module, (known = findUnattributedRules(module)));
  return known;
}

function findUnattributedRules(module: EvaluatedModule): boolean {
  const { evaluator } = module;
  for (const resource of RULE_RESOURCES.flatMap((type) => resourcesOfType(module, type))) {
    const instances = evaluator.refs.instances(resource);
    if (!instances.known) return true;
    for (const instance of instances.instances) {
      if (referenceKey(evaluateArgument(evaluator, instance, 'security_group_id')) === undefined) return true;
      if (resource.type === 'aws_security_group_rule' && typeof evaluateArgument(evaluator, instance, 'type') !== 'string') return true;
    }
  }
  return false;
}

/** Whether any of `groups` (security group instance addresses) admits TCP `port` from the VPC. */
export function groupsAdmit(module: EvaluatedModule, groups: string[], port: number, vpcCidr: string | undefined): Answer {
  let byAddress = groupsByAddress.get(module);
  if (!byAddress) {
    groupsByAddress.set(module, (byAddress = new Map()));
    for (const group of module.network.securityGroups) if (!byAddress.has(group.address)) byAddress.set(group.address, group);
  }
  const views = groups.map((g) => byAddress.get(g));
  if (views.some((v) => v === undefined || !groupIsReadable(module, v))) return 'unknown';
  const answers = views.flatMap((v) => v!.ingress.map((rule) => ruleAdmits(rule, port, vpcCidr)));
  if (answers.includes('yes')) return 'yes';
  if (answers.includes('unknown') || hasUnattributedRules(module)) return 'unknown';
  return 'no';
}
