// Completion of argument names inside an `aws_vpc_endpoint` block (and its `dns_options` and
// `subnet_configuration` blocks): the arguments valid for the block's type, not yet written,
// with the type's docs. With no `vpc_endpoint_type` written yet the type is still open, so
// every argument is offered, the Gateway ones (the provider's default) first.
import type { Range } from '../types';
import { ENDPOINT_TYPE_DOCS, type EndpointArgument, endpointArgumentsAt, endpointTypeDoc } from '../services/endpointArguments';
import type { EndpointBlock } from './moduleFacts';
import type { ScannedBlock } from './scanned';
import type { CompletionCandidate } from './types';

export interface ArgumentRequest {
  /** The endpoint's resource block, then any nested blocks down to the cursor. */
  blocks: ScannedBlock[];
  endpoint: EndpointBlock;
  word: Range;
  /** What follows the word on its line: an `=` already there means insert the name only. */
  restOfLine: string;
  indent: string;
  eol: string;
}

export function argumentCompletions(request: ArgumentRequest): CompletionCandidate[] {
  const path = request.blocks.slice(1).map((b) => b.type);
  const candidates = endpointArgumentsAt(path);
  const block = request.blocks[request.blocks.length - 1];
  if (!candidates || !block) return [];
  const written = new Set([...block.attributes.map((a) => a.name), ...block.blockTypes]);
  const { type, typeDefaulted } = request.endpoint;
  return candidates
    .map((argument, index) => ({ argument, index }))
    .filter(({ argument }) => !written.has(argument.name) && !argument.conflictsWith.some((c) => written.has(c)))
    .filter(({ argument }) => typeDefaulted || type === undefined || argument.validFor.includes(type))
    .map(({ argument, index }) => {
      const fitsDefault = !typeDefaulted || argument.validFor.includes('Gateway');
      const tier = argument.required || (typeDefaulted && argument.name === 'vpc_endpoint_type') ? 0 : fitsDefault ? 1 : 2;
      return candidate(argument, request, { tier, index, fitsDefault });
    });
}

function candidate(argument: EndpointArgument, request: ArgumentRequest, order: { tier: number; index: number; fitsDefault: boolean }): CompletionCandidate {
  const nameOnly = /^\s*[={]/.test(request.restOfLine);
  const inserted = nameOnly ? { newText: argument.name } : argumentInsertion(argument, request.indent, request.eol);
  return {
    label: argument.name,
    kind: argument.value === 'block' ? 'block' : 'argument',
    detail: order.fitsDefault ? validity(argument) : `${validity(argument)}: set vpc_endpoint_type`,
    documentation: documentation(argument, request.endpoint),
    ...inserted,
    range: request.word,
    sortText: `${order.tier}${String(order.index).padStart(2, '0')}`,
  };
}

function validity(argument: EndpointArgument): string {
  return argument.validFor.length === ENDPOINT_TYPE_DOCS.length ? 'any endpoint type' : `${argument.validFor.join(', ')} endpoints`;
}

/** Plain text for every client, and tab stops for those that take snippets. */
export function argumentInsertion(argument: Pick<EndpointArgument, 'name' | 'value' | 'values'>, indent: string, eol: string): { newText: string; snippet: string } {
  const name = argument.name;
  const inner = indent + (indent.includes('\t') ? '\t' : '  ');
  switch (argument.value) {
    case 'block':
      return { newText: `${name} {${eol}${inner}${eol}${indent}}`, snippet: `${name} {${eol}${inner}$0${eol}${indent}}` };
    case 'map':
      return { newText: `${name} = {${eol}${inner}${eol}${indent}}`, snippet: `${name} = {${eol}${inner}$0${eol}${indent}}` };
    case 'string':
      return { newText: `${name} = `, snippet: argument.values.length > 0 ? `${name} = "\${1|${argument.values.join(',')}|}"` : `${name} = "$1"` };
    case 'list':
      return { newText: `${name} = `, snippet: `${name} = [$1]` };
    case 'bool':
      return { newText: `${name} = `, snippet: `${name} = \${1|true,false|}` };
    default:
      return { newText: `${name} = `, snippet: `${name} = $1` };
  }
}

function documentation(argument: EndpointArgument, endpoint: EndpointBlock): string {
  const typeDoc = endpoint.type && !endpoint.typeDefaulted ? endpointTypeDoc(endpoint.type) : undefined;
  const typeLine = typeDoc
    ? `This endpoint is **${typeDoc.type}**: ${typeDoc.docs}`
    : endpoint.typeDefaulted
      ? 'This endpoint has no `vpc_endpoint_type` yet, so it is a **Gateway** endpoint (the provider\'s default).'
      : 'The endpoint\'s `vpc_endpoint_type` cannot be known here.';
  return [
    `**${argument.name}**${argument.required ? ' (required)' : ''}: ${argument.docs}`,
    argument.values.length > 0 ? `Values: ${argument.values.map((v) => `\`${v}\``).join(', ')}.` : '',
    `Valid for: ${validity(argument)}.`,
    typeLine,
  ].filter(Boolean).join('\n\n');
}
