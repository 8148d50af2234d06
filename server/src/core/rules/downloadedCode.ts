// Findings stay out of downloaded module code (`.terraform/modules`): the user does not edit it
// and the editor has no document for it. A finding a rule places there moves to what the user
// wrote: the entry of a vpc-endpoints call the endpoint comes from, else the `module` block that
// calls the downloaded code; fixes that would edit downloaded files are dropped.
import type { EvaluatedModule, ModuleAnalysis } from '../analysis';
import type { ModuleCall } from '../model/module';
import type { Fix } from '../types';
import { checkedEndpoints } from './endpoint/checkedEndpoints';
import { siteOf } from './endpoint/endpointSite';
import type { RuleFinding } from './rule';

export type Relocate = (finding: RuleFinding) => RuleFinding;

export function downloadedCodeRelocation(analysis: ModuleAnalysis): Relocate {
  const owner = new Map<string, EvaluatedModule>();
  const parent = new Map<EvaluatedModule, EvaluatedModule>();
  for (const module of analysis.modules) {
    for (const file of module.evaluator.module.files) owner.set(file.path, module);
    for (const child of module.children) parent.set(child, module);
  }
  const downloaded = (path: string) => owner.get(path)?.origin?.downloaded === true;
  if (![...owner.keys()].some(downloaded)) return (finding) => finding;
  const keepFixes = (fixes: Fix[]) => fixes.filter((fix) => !fix.edits.some((edit) => downloaded(edit.file)));
  return (finding) => {
    const fixes = typeof finding.fixes === 'function' ? ((build) => () => keepFixes(build()))(finding.fixes) : keepFixes(finding.fixes ?? []);
    let module = owner.get(finding.file);
    if (!module?.origin?.downloaded) return { ...finding, fixes };
    let call: ModuleCall | undefined;
    while (module?.origin?.downloaded) {
      call = module.origin.call;
      module = parent.get(module);
    }
    if (!module || !call) return { ...finding, fixes };
    const entry = finding.address === undefined ? undefined : checkedEndpoints(module).find((v) => v.entry && v.address === finding.address);
    const site = entry ? siteOf(module, entry) : undefined;
    if (site) return { ...finding, file: site.file.path, range: site.header, fixes };
    return { ...finding, file: call.file, range: call.block.headerRange, message: `${finding.message.replace(/\.$/, '')} (in the downloaded code of module.${call.name}).`, fixes };
  };
}
