// Endpoint rules check one instance at a time but report once per place: when instances of a
// `count`/`for_each` block share a problem (same range, message and fix), it is one finding on
// the block's address, "(all 9 instances)", not nine identical diagnostics on one line.
// docs/rules.md, "Once per block".
import type { EvaluatedModule, ModuleAnalysis } from '../../analysis';
import type { EndpointView } from '../../model/endpoints';
import type { HclFile } from '../../parse/ast';
import type { Fix, Range, Severity } from '../../types';
import type { RuleFinding } from '../rule';
import { groupBy } from '../../collections';
import { fileOf } from '../moduleFiles';
import { siteOf, type EndpointSite } from './endpointSite';
import { checkedEndpoints } from './checkedEndpoints';

/** What a rule says about one endpoint instance. */
export interface EndpointProblem {
  file: string;
  range: Range;
  /** One sentence ending in a full stop; `%s` stands for `subject`. */
  message: string;
  /** What differs between instances that share the problem (`\`sts\``): merged, they are listed. */
  subject?: string;
  /** Built when asked for when a function: such a fix depends on the block, not the instance. */
  fixes?: Fix[] | (() => Fix[]);
  severity?: Severity;
}

export interface EndpointContext {
  analysis: ModuleAnalysis;
  module: EvaluatedModule;
  view: EndpointView;
  /** Where the endpoint is written: a block, or an entry of a vpc-endpoints module call. */
  site: EndpointSite;
  /** The file holding what the endpoint is written in (site.file). */
  file: HclFile;
}

export type EndpointCheck = (ctx: EndpointContext) => EndpointProblem[];


/**
 * Runs `check` on every endpoint instance of every module (checkedEndpoints.ts) and merges what
 * instances share.
 */
export function endpointFindings(analysis: ModuleAnalysis, check: EndpointCheck): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const module of analysis.modules) {
    const blocks = groupBy(checkedEndpoints(module), blockAddress);
    for (const [address, views] of blocks) findings.push(...blockFindings(analysis, module, `${module.prefix}${address}`, views, check));
  }
  return findings;
}

/** The block an instance comes from: `aws_vpc_endpoint.x`, or `module.ep.aws_vpc_endpoint.this` for an entry. */
function blockAddress(view: EndpointView): string {
  return view.entry ? `module.${view.entry.call.name}.${view.resource.address}` : view.resource.address;
}

/** A block being typed (unclosed, or holding a syntax error) is not judged: what did not parse may be what a rule misses. */
function isHalfTyped(file: HclFile, view: EndpointView): boolean {
  const block = view.resource.block;
  const { start, end } = block.range;
  return !block.complete || file.syntaxErrors.some((e) => e.range.start.line <= end.line && e.range.end.line >= start.line);
}

/** `a`, `a and b`, `a, b and c`. */
export function listed(subjects: readonly string[]): string {
  return subjects.length <= 1 ? subjects.join('') : `${subjects.slice(0, -1).join(', ')} and ${subjects.at(-1)}`;
}

function blockFindings(analysis: ModuleAnalysis, module: EvaluatedModule, blockAddress: string, views: EndpointView[], check: EndpointCheck): RuleFinding[] {
  const shared = new Map<string, { problem: EndpointProblem; addresses: string[]; subjects: string[] }>();
  for (const view of views) {
    const blockFile = fileOf(module, view.file);
    const site = blockFile && !isHalfTyped(blockFile, view) ? siteOf(module, view) : undefined;
    if (!site) continue;
    for (const problem of check({ analysis, module, view, site, file: site.file })) {
      const fixes = typeof problem.fixes === 'function' ? 'built when asked' : problem.fixes ?? [];
      const key = JSON.stringify([problem.file, problem.range, problem.message, problem.severity ?? null, fixes]);
      const entry = shared.get(key) ?? { problem, addresses: [], subjects: [] };
      entry.addresses.push(view.address);
      if (problem.subject !== undefined && !entry.subjects.includes(problem.subject)) entry.subjects.push(problem.subject);
      shared.set(key, entry);
    }
  }
  return [...shared.values()].map(({ problem, addresses, subjects }) => {
    const many = addresses.length > 1;
    const share = addresses.length === views.length ? `all ${views.length} instances` : `${addresses.length} of ${views.length} instances`;
    const message = problem.message.replace('%s', listed(subjects));
    return {
      file: problem.file,
      range: problem.range,
      message: many ? `${message.replace(/\.$/, '')} (${share}).` : message,
      address: many ? blockAddress : addresses[0]!,
      ...(typeof problem.fixes === 'function' || (problem.fixes && problem.fixes.length > 0) ? { fixes: problem.fixes } : {}),
      ...(problem.severity ? { severity: problem.severity } : {}),
    };
  });
}
