// VPCE107: a service_name that names no known endpoint service (a typo, a wrong prefix, a
// global service written with a region). Did-you-mean fixes edit the string that is wrong:
// the service_name itself, or the for_each element an instance's name is made from.
import type { EvaluatedModule } from '../analysis';
import { escapeTemplateText, exprText } from '../fixes/exprText';
import type { EndpointView } from '../model/endpoints';
import type { Expr } from '../parse/ast';
import { serviceByShortName, servicesAsOf, suggestServiceNames } from '../services/catalogue';
import type { Fix, Range, TextEdit } from '../types';
import type { EndpointSite } from './endpoint/endpointSite';
import { originLiteral } from './endpoint/literalSites';
import { endpointFindings, type EndpointContext, type EndpointProblem } from './endpoint/perBlock';
import type { Rule } from './rule';
import { VPC_ENDPOINTS_MODULE } from '../model/registryModules/sources';

const ENTRY = VPC_ENDPOINTS_MODULE.entry;

/** What is wrong in the name: the token to replace and what to offer instead (nearest first). */
interface Diagnosis {
  message: string;
  wrong: string;
  replacements: string[];
}

const UNKNOWN_PART = '${…}';

function diagnose(view: EndpointView, name: string, site: EndpointSite): Diagnosis | undefined {
  const service = view.service;
  if (service.kind === 'aws') {
    if (service.known) return undefined;
    if (service.canonical !== undefined) {
      return { message: `\`${name}\` is not how \`${service.shortName}\` is named: its endpoint service is \`${service.canonical}\`.`, wrong: name, replacements: service.canonical.includes(UNKNOWN_PART) ? [] : [service.canonical] };
    }
    if (serviceByShortName(service.shortName)) return { message: `The region part of \`${name}\` is not a region name, so AWS finds no such service.`, wrong: name, replacements: [] };
    const regional = !name.endsWith(`amazonaws.${service.shortName}`);
    const replacements = suggestServiceNames(service.shortName).filter((s) => serviceByShortName(s)?.global !== regional);
    // An entry's `service = "x"`: the full name is the module's, not written.
    const where = site.name('service_name') === ENTRY.shortServiceName ? ` (service = "${service.shortName}" in this entry)` : ` in \`${name}\``;
    return { message: `\`${service.shortName}\`${where} is not a known endpoint service${didYouMean(replacements)}`, wrong: service.shortName, replacements };
  }
  if (service.kind !== 'unrecognized') return undefined;
  const short = serviceByShortName(name);
  if (short) return { message: `\`${name}\` is a short name, but service_name takes the full name, \`${short.template}\`.`, wrong: name, replacements: [] };
  const replacements = suggestServiceNames(name).filter((s) => s.includes('.') && !s.includes(UNKNOWN_PART));
  return { message: `\`${name}\` is not a known endpoint service name${didYouMean(replacements)}`, wrong: name, replacements };
}

function didYouMean(replacements: string[]): string {
  return replacements.length > 0 ? `; did you mean \`${replacements[0]}\`?` : ` (vpce-lens's catalogue of ${servicesAsOf}; suppress this if the service is newer).`;
}

/** The service_name text with `wrong` (a suffix, or the whole name) replaced, when it can be written back. */
function rewrittenServiceName(expr: Expr, wrong: string, replacement: string): string | undefined {
  const replace = (text: string) => (text === wrong ? replacement : text.endsWith(`.${wrong}`) ? `${text.slice(0, -wrong.length)}${replacement}` : undefined);
  if (expr.kind === 'literal' && typeof expr.value === 'string') {
    const text = replace(expr.value);
    return text === undefined ? undefined : `"${escapeTemplateText(text)}"`;
  }
  if (expr.kind !== 'template' || expr.range.start.line !== expr.range.end.line) return undefined;
  const last = expr.parts.at(-1);
  if (last?.kind !== 'text') return undefined;
  const text = replace(last.text);
  if (text === undefined) return undefined;
  return exprText({ ...expr, parts: [...expr.parts.slice(0, -1), { kind: 'text', text }] });
}

/** Where the wrong token is written and how to replace it there. */
function wrongText(module: EvaluatedModule, view: EndpointView, endpoint: EndpointSite, wrong: string): { file: string; range: Range; edit: (replacement: string) => TextEdit | undefined } | undefined {
  const attribute = endpoint.written('service_name');
  if (!attribute) return undefined;
  const path = endpoint.file.path;
  if (rewrittenServiceName(attribute.expr, wrong, wrong) !== undefined) {
    return {
      file: path, range: attribute.expr.range,
      edit: (replacement) => {
        const newText = rewrittenServiceName(attribute.expr, wrong, replacement);
        return newText === undefined ? undefined : { file: path, range: attribute.expr.range, newText };
      },
    };
  }
  const found = originLiteral(module, view, wrong);
  if (!found) return undefined;
  const { file, literal } = found;
  return { file: file.path, range: literal.range, edit: (replacement) => ({ file: file.path, range: literal.range, newText: `"${escapeTemplateText(replacement)}"` }) };
}

function check({ module, view, site, file }: EndpointContext): EndpointProblem[] {
  if (view.serviceName === undefined) return [];
  const diagnosis = diagnose(view, view.serviceName, site);
  if (!diagnosis) return [];
  const where = wrongText(module, view, site, diagnosis.wrong);
  const fixes: Fix[] = [];
  for (const replacement of where ? diagnosis.replacements : []) {
    const edit = where!.edit(replacement);
    if (edit) fixes.push({ title: `Replace with "${replacement}"`, edits: [edit] });
  }
  const fallback = site.written('service_name')?.range ?? site.header;
  return [{ file: where?.file ?? file.path, range: where?.range ?? fallback, message: diagnosis.message, fixes }];
}

export const unknownServiceRule: Rule = { id: 'VPCE107', run: (analysis) => endpointFindings(analysis, check) };
