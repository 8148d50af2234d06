// VPCE108: service_name hard-codes a region, or names a region other than the one the endpoint
// is created in. The fix writes the region the module's way (an interpolation its endpoints
// already use, else its data "aws_region", else a new one, read through `.name` or `.region` as
// the AWS provider version allows: fixes/terraformText.ts regionText).
import { insertAfterBlock } from '../fixes/edits';
import { escapeTemplateText, exprText } from '../fixes/exprText';
import { regionText } from '../fixes/terraformText';
import type { EndpointView } from '../model/endpoints';
import { regionIsFromCode } from '../model/region';
import type { Expr } from '../parse/ast';
import { serviceByShortName } from '../services/catalogue';
import type { Fix } from '../types';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './endpoint/perBlock';
import { later, type Rule } from './rule';

const REGION_SEGMENT = /(^|\.)([a-z]{2}(?:-[a-z]+)+-\d+)(?=\.)/;

/** A region literal written in service_name, and the name rewritten with `${interpolation}` in its place. */
function writtenRegion(expr: Expr): { region: string; rewrite: (interpolation: string) => string | undefined } | undefined {
  const first = expr.kind === 'literal' && typeof expr.value === 'string' ? expr.value
    : expr.kind === 'template' && expr.range.start.line === expr.range.end.line && expr.parts[0]?.kind === 'text' ? expr.parts[0].text : undefined;
  const match = first === undefined ? null : REGION_SEGMENT.exec(first);
  if (first === undefined || !match) return undefined;
  const start = match.index + match[1]!.length;
  const region = match[2]!;
  const rest = expr.kind === 'template' ? expr.parts.slice(1) : [];
  return {
    region,
    rewrite: (interpolation) => {
      let text = `${escapeTemplateText(first.slice(0, start))}\${${interpolation}}${escapeTemplateText(first.slice(start + region.length))}`;
      for (const part of rest) {
        const inner = part.kind === 'interpolation' ? exprText(part.expr) : undefined;
        if (part.kind === 'directive' || (part.kind === 'interpolation' && inner === undefined)) return undefined;
        text += part.kind === 'text' ? escapeTemplateText(part.text) : `\${${inner}}`;
      }
      return `"${text}"`;
    },
  };
}

function nameRegion(view: EndpointView): string | undefined {
  return view.service.kind === 'aws' || view.service.kind === 'privatelink' ? view.service.region : undefined;
}

function check({ analysis, module, view, site, file }: EndpointContext): EndpointProblem[] {
  const attribute = site.written('service_name');
  // service_region (cross-region access) when it may be set: null is not set.
  if (!attribute || site.state('service_region') !== 'unset') return [];
  const name = site.name('service_name');
  const named = nameRegion(view);
  // A region read from a data source in an assumed region (no provider region) proves nothing.
  const differs = named !== undefined && regionIsFromCode(view.region) && named !== view.region.region && !view.assumptions.some((a) => a.about === 'region');
  // A global service has no region in its name at all: VPCE107 says so.
  const global = view.service.kind === 'aws' && serviceByShortName(view.service.shortName)?.global === true;
  const written = (view.service.kind === 'aws' && !global) || view.service.kind === 'unrecognized' ? writtenRegion(attribute.expr) : undefined;
  if (!differs && !written) return [];
  const message = differs
    ? `${name} names the region ${named}, but this endpoint is created in ${view.region.region} (${view.region.detail}), where that service name does not exist${site.kind === 'resource' ? ' (unless service_region asks for cross-region access)' : ''}.`
    : `${name} hard-codes the region ${written!.region}, so this endpoint breaks when the module is used in another region.`;
  const fix = (): Fix | undefined => {
    const region = written ? regionText(module.evaluator.module, analysis.modules.map((m) => m.evaluator.module)) : undefined;
    const newText = region ? written!.rewrite(region.interpolation) : undefined;
    if (!region || !newText) return undefined;
    const edits = [{ file: file.path, range: attribute.expr.range, newText }];
    if (region.dataSource) edits.push(insertAfterBlock(site.anchor.file, site.anchor.block, region.dataSource));
    return { title: `Use \${${region.interpolation}}${region.dataSource ? ' (adds the data source)' : ''}`, edits };
  };
  return [{ file: file.path, range: attribute.expr.range, message, ...(written ? { fixes: later(fix) } : {}) }];
}

export const hardCodedRegionRule: Rule = { id: 'VPCE108', run: (analysis) => endpointFindings(analysis, check) };
