// Completion inside an entry of a terraform-aws-modules vpc-endpoints call's `endpoints` map:
// the entry's keys (the arguments the module reads from it, for the entry's type), the short
// names for `service`, the types for `service_type` (the two the module supports), full names
// for `service_endpoint`. The module's facts are in model/registryModules/data.
import type { EndpointType } from '../model/endpoints';
import { VPC_ENDPOINTS_MODULE, normalizeModuleSource } from '../model/registryModules/sources';
import type { Range } from '../types';
import { argumentInsertion } from './arguments';
import { endpointTypeCompletions } from './endpointTypes';
import type { ObjectField, OpenContainer, ScannedBlock } from './scanned';
import type { PriceBasis } from './serviceDocs';
import { shortNameCompletions } from './serviceLists';
import type { CompletionCandidate } from './types';

type ArgumentKind = 'string' | 'bool' | 'list' | 'map';

interface EntryArgument {
  name: string;
  value: ArgumentKind;
  values?: string[];
  validFor: EndpointType[];
  docs: string;
}

const MODULE = VPC_ENDPOINTS_MODULE;
const ENTRY = MODULE.entry;
const ARGUMENTS = MODULE.entryArguments as EntryArgument[];
const TYPES = (ARGUMENTS.find((a) => a.name === ENTRY.serviceType)?.values ?? []) as EndpointType[];

/** A `module` block calling the vpc-endpoints module, as the scan of the current text sees it. */
export function isVpcEndpointsCall(block: ScannedBlock): boolean {
  const source = block.attributes.find((a) => a.name === 'source')?.stringValue;
  return block.type === 'module' && source !== undefined && MODULE.sources.includes(normalizeModuleSource(source));
}

export interface EntryPlace {
  /** The objects open at the cursor inside the `endpoints` value, outermost first. */
  containers: readonly OpenContainer[];
  string?: { content: Range; closed: boolean; before: string; after: string };
  word: Range;
  /** The text after the word on its line. */
  restOfLine: string;
  indent: string;
  eol: string;
}

export interface EntryContext {
  present: ReadonlySet<string>;
  regionText: string;
  basis: PriceBasis;
  /** Full service names for `service_endpoint`, given the string at the cursor. */
  fullNames: () => CompletionCandidate[];
}

/** The entry object at the cursor: the innermost container, an object inside the map object. */
function entryAt(containers: readonly OpenContainer[]): OpenContainer | undefined {
  const innermost = containers.at(-1);
  const objects = containers.filter((c) => c.open === '{');
  return innermost?.open === '{' && objects.length >= 2 ? innermost : undefined;
}

export function entryCompletions(place: EntryPlace, context: EntryContext): CompletionCandidate[] {
  const entry = entryAt(place.containers);
  if (!entry) return [];
  const fields = new Map(entry.fields.map((f: ObjectField) => [f.key, f.string]));
  const type = (fields.get(ENTRY.serviceType) ?? MODULE.defaultServiceType) as EndpointType;
  if (entry.key === undefined) return place.string ? [] : keyCompletions(place, fields, type);
  const string = place.string;
  if (!string) return [];
  const closing = string.closed ? '' : '"';
  switch (entry.key) {
    case ENTRY.shortServiceName:
      return shortNameCompletions({
        present: new Set([...context.present].filter((s) => s !== string.before + string.after)),
        gateway: type === 'Gateway', range: string.content, quote: false, closing, regionText: context.regionText, basis: context.basis,
      });
    case ENTRY.serviceType: {
      const written = new Set(fields.keys());
      return endpointTypeCompletions({ written, service: fields.get(ENTRY.shortServiceName), types: TYPES, range: string.content, quote: false, closing, basis: context.basis });
    }
    default:
      return ENTRY.fullServiceName.includes(entry.key) ? context.fullNames() : [];
  }
}

function keyCompletions(place: EntryPlace, fields: ReadonlyMap<string, string | undefined>, type: EndpointType): CompletionCandidate[] {
  const nameOnly = /^\s*=/.test(place.restOfLine);
  const typed = !fields.has(ENTRY.serviceType);
  return ARGUMENTS
    .filter((a) => !fields.has(a.name) && !(a.name === ENTRY.shortServiceName && ENTRY.fullServiceName.some((n) => fields.has(n))))
    .filter((a) => !(ENTRY.fullServiceName.includes(a.name) && fields.has(ENTRY.shortServiceName)))
    .map((argument, index) => {
      const fits = argument.validFor.includes(type);
      const inserted = nameOnly ? { newText: argument.name } : argumentInsertion({ ...argument, values: argument.values ?? [] }, place.indent, place.eol);
      const forType = argument.validFor.length < TYPES.length ? `${argument.validFor.join(', ')} endpoints` : 'any endpoint type';
      return {
        label: argument.name,
        kind: 'argument' as const,
        detail: fits ? `vpc-endpoints entry · ${forType}` : `ignored for ${type} endpoints`,
        documentation: [
          `**${argument.name}** (an entry of the vpc-endpoints module's \`endpoints\`): ${argument.docs}`,
          typed ? `This entry has no \`${ENTRY.serviceType}\`, so it is an **${MODULE.defaultServiceType}** endpoint (the module's default).` : `This entry is a **${type}** endpoint.`,
        ].join('\n\n'),
        ...inserted,
        range: place.word,
        sortText: `${fits ? 0 : 1}${String(index).padStart(2, '0')}`,
      };
    });
}
