// Runs the rule table over an analysed module: applies configured severities (`off` drops a
// rule), marks findings suppressed by `# vpce-lens:ignore <ID>` on the line above, and keeps
// a rule that throws from taking the others down.
import type { ModuleAnalysis } from '../analysis';
import type { Body, HclFile } from '../parse/ast';
import type { Finding, Fix } from '../types';
import { ruleMetadata } from './metadata';
import { RULES } from './table';
import { findingPlaceKey } from '../findings';
import { everyModuleInstance } from '../model/scope';
import { downloadedCodeRelocation } from './downloadedCode';
import { suppresses } from '../suppression';

export function runRules(analysis: ModuleAnalysis): Finding[] {
  const files = new Map<string, HclFile>(analysis.modules.flatMap((m) => m.evaluator.module.files).map((f) => [f.path, f]));
  const findings: Finding[] = [];
  const relocate = downloadedCodeRelocation(analysis);
  for (const rule of RULES) {
    const configured = analysis.settings.rules[rule.id];
    if (configured === 'off') continue;
    const defaultSeverity = ruleMetadata(rule.id)?.defaultSeverity ?? 'warning';
    let raw;
    try {
      raw = rule.run(analysis);
    } catch (error) {
      // On the module's first file (the editor shows diagnostics only on files), with the stack on stderr.
      console.error(`vpce-lens: rule ${rule.id} failed on ${analysis.dir}: ${(error as Error).stack ?? String(error)}`);
      findings.push({
        rule: 'VPCE000', severity: 'error', file: analysis.files[0]?.path ?? analysis.dir, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: `Internal error in rule ${rule.id}: ${(error as Error).message}. Other rules still ran; please report this.`, fixes: [],
      });
      continue;
    }
    for (const f of raw.map(relocate)) {
      const finding: Finding = {
        rule: rule.id,
        severity: configured ?? f.severity ?? defaultSeverity,
        file: f.file,
        range: f.range,
        message: f.message,
        fixes: [],
        ...(f.address ? { address: f.address } : {}),
      };
      if (typeof f.fixes === 'function') fixesWhenAsked(finding, rule.id, f.fixes);
      else finding.fixes = f.fixes ?? [];
      if (isSuppressed(files.get(f.file), rule.id, f.range.start.line)) finding.suppressed = true;
      findings.push(finding);
    }
  }
  return oneForEveryInstance(findings);
}

/**
 * A block of a module called with count/for_each is checked once per module instance; where
 * every instance finds the same thing at the same place, that is one finding, its address
 * written for all instances (`module.ep[*].aws_vpc_endpoint.this`).
 */
function oneForEveryInstance(findings: Finding[]): Finding[] {
  const byPlace = new Map<string, Finding>();
  const out: Finding[] = [];
  for (const finding of findings) {
    const key = findingPlaceKey(finding);
    const first = byPlace.get(key);
    if (!first) {
      byPlace.set(key, finding);
      out.push(finding);
    } else if (first.address && finding.address && first.address !== finding.address) {
      first.address = everyModuleInstance(first.address);
    }
  }
  return out;
}

/**
 * `finding.fixes` built on first read and kept. A builder that throws gives no fix: the finding
 * stays, and nothing half-built is offered.
 */
export function fixesWhenAsked(finding: Finding, rule: string, build: () => Fix[]): void {
  Object.defineProperty(finding, 'fixes', {
    enumerable: true,
    configurable: true,
    get(): Fix[] {
      let fixes: Fix[];
      try {
        fixes = build();
      } catch (error) {
        console.error(`vpce-lens: the quick fix of a ${rule} finding could not be built: ${(error as Error).stack ?? String(error)}`);
        fixes = [];
      }
      Object.defineProperty(finding, 'fixes', { value: fixes, enumerable: true, writable: true, configurable: true });
      return fixes;
    },
  });
}

/**
 * `# vpce-lens:ignore VPCE201 VPCE203` on the line before (or at the end of) the finding's line,
 * or of any block or attribute that contains it: a comment above a resource covers a finding on
 * one of its arguments.
 */
function isSuppressed(file: HclFile | undefined, rule: string, line: number): boolean {
  if (!file || file.comments.size === 0) return false; // no directive in the file
  const lines = [line, ...enclosingStarts(file.body, line)].flatMap((l) => [l - 1, l]);
  return lines.some((l) => suppresses(file.comments.get(l) ?? '', rule));
}

/** First lines of the blocks and attributes that span `line`, outermost first. */
function enclosingStarts(body: Body, line: number): number[] {
  const spans = (r: { range: { start: { line: number }; end: { line: number } } }) => r.range.start.line < line && r.range.end.line >= line;
  const attribute = body.attributes.find(spans);
  if (attribute) return [attribute.range.start.line];
  const block = body.blocks.find(spans);
  return block ? [block.range.start.line, ...enclosingStarts(block.body, line)] : [];
}
