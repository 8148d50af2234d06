// Completion's entry point: the current text and a position -> candidates, in endpoint
// contexts only (elsewhere: none, so that other Terraform tooling is not crowded). The place
// comes from the syntax tree of the current text (scan.ts); the module's region, prices and
// other endpoints come from its analysis, which may be a keystroke old.
import type { ModuleAnalysis } from '../analysis';
import type { CurrencyFormat } from '../pricing/format';
import type { Position } from '../types';
import { argumentCompletions } from './arguments';
import { endpointTypeCompletions, typeContextOf } from './endpointTypes';
import {
  type EndpointBlock, azBasisOf, endpointsDrivenBy, isEndpointBlock, isEndpointHeader, regionOf, regionTextOf, scannedEndpoint, servicesInModule,
} from './moduleFacts';
import { type SyntaxReading, readingOf } from './scan';
import type { CursorPlace, ScannedBlock, StringAtCursor } from './scanned';
import { type CompletionSyntax, type CompletionTrees, withSyntax } from './syntax';
import { LineIndex } from '../text';
import { type PriceBasis, priceBasis } from './serviceDocs';
import { inServiceList, serviceListCompletions } from './serviceLists';
import { serviceNameCompletions } from './serviceNames';
import { entryCompletions, isVpcEndpointsCall } from './moduleEntries';
import { VPC_ENDPOINTS_MODULE } from '../model/registryModules/sources';
import type { CompletionCandidate } from './types';

export type { CompletionCandidate, CompletionKind } from './types';
export { CompletionTrees } from './syntax';

export interface CompletionRequest {
  analysis: ModuleAnalysis;
  text: string;
  position: Position;
  format?: CurrencyFormat;
  /** The document's trees, to parse its text incrementally; without them the text is parsed whole. */
  document?: { trees: CompletionTrees; key: string };
}

type ValuePlace = Extract<CursorPlace, { kind: 'value' }>;

export function completionsAt(request: CompletionRequest): CompletionCandidate[] {
  const { text, document } = request;
  // One line index of the text, for the cursor's offset and for the reading's ranges.
  const lines = new LineIndex(text);
  const offset = lines.offsetAt(request.position);
  const complete = (syntax: CompletionSyntax) => candidatesAt(request, readingOf(syntax), lines);
  return (document ? document.trees.read(document.key, text, offset, complete, lines) : withSyntax(text, offset, complete, lines)) ?? [];
}

function candidatesAt(request: CompletionRequest, reading: SyntaxReading, lines: LineIndex): CompletionCandidate[] {
  const { text } = request;
  const place = reading.cursor;
  if (place.kind === 'argument') {
    const resource = place.blocks[0];
    if (!resource || !isEndpointBlock(resource)) return [];
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    return argumentCompletions({ ...place, endpoint: scannedEndpoint(resource), eol });
  }
  if (place.kind !== 'value' || place.blocks.length !== 1) return [];
  const block = place.blocks[0]!;
  if (isEndpointBlock(block)) return endpointValue(request, place, block);
  if (isVpcEndpointsCall(block) && place.attribute === VPC_ENDPOINTS_MODULE.endpointsInput) return moduleEntry(request, place, lines);
  if (block.type === 'data' && block.labels[0] === 'aws_vpc_endpoint_service' && place.attribute === 'service_name') {
    return serviceNames(request, place, undefined);
  }
  if (block.type === 'locals') {
    const fileBlocks = reading.fileBlocks(isEndpointHeader);
    return serviceList(request, place, endpointsDrivenBy(request.analysis, fileBlocks, place.attribute));
  }
  return [];
}

function endpointValue(request: CompletionRequest, place: ValuePlace, block: ScannedBlock): CompletionCandidate[] {
  const endpoint = scannedEndpoint(block);
  switch (place.attribute) {
    case 'service_name':
      return serviceNames(request, place, endpoint);
    case 'vpc_endpoint_type': {
      if (place.containers.length > 0) return [];
      const basis = basisFor(request, [endpoint.address]);
      if (place.string) {
        const { content, closed } = place.string;
        return endpointTypeCompletions({ ...typeContextOf(block), range: content, quote: false, closing: closed ? '' : '"', basis });
      }
      return place.startsElement ? endpointTypeCompletions({ ...typeContextOf(block), range: place.word, quote: true, closing: '', basis }) : [];
    }
    case 'for_each':
      return serviceList(request, place, [endpoint]);
    default:
      return [];
  }
}

function serviceNames(request: CompletionRequest, place: ValuePlace, endpoint: EndpointBlock | undefined): CompletionCandidate[] {
  if (!place.string || place.containers.length > 0) return [];
  return fullServiceNames(request, place.string, endpoint);
}

/** An entry of a vpc-endpoints module call's `endpoints` map (moduleEntries.ts). */
function moduleEntry(request: CompletionRequest, place: ValuePlace, lines: LineIndex): CompletionCandidate[] {
  const { text, analysis } = request;
  const row = place.word.start.line;
  const line = text.slice(lines.offsetAt({ line: row, character: 0 }), lines.offsetAt({ line: row, character: Number.MAX_SAFE_INTEGER }));
  const region = regionOf(analysis, undefined);
  return entryCompletions({
    containers: place.containers,
    ...(place.string ? { string: place.string } : {}),
    word: place.word,
    restOfLine: line.slice(place.word.end.character), // the line index ends it before a `\r\n`
    indent: /^[ \t]*/.exec(line)![0],
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  }, {
    present: servicesInModule(analysis),
    regionText: regionTextOf(analysis, region),
    basis: priceBasis(region, azBasisOf(analysis, []), analysis.settings, request.format),
    fullNames: () => (place.string ? fullServiceNames(request, place.string, undefined) : []),
  });
}

function fullServiceNames(request: CompletionRequest, string: StringAtCursor, endpoint: EndpointBlock | undefined): CompletionCandidate[] {
  const { analysis } = request;
  const addresses = endpoint ? [endpoint.address] : [];
  const region = regionOf(analysis, endpoint?.address);
  const az = azBasisOf(analysis, addresses);
  return serviceNameCompletions({
    string,
    endpoint,
    present: servicesInModule(analysis),
    regionText: regionTextOf(analysis, region),
    basis: (typedRegion) => priceBasis(region, az, analysis.settings, request.format, typedRegion),
  });
}

function serviceList(request: CompletionRequest, place: ValuePlace, endpoints: EndpointBlock[]): CompletionCandidate[] {
  if (endpoints.length === 0 || !inServiceList(place.containers)) return [];
  const string = place.string;
  if (!string && !place.startsElement) return [];
  const addresses = endpoints.map((e) => e.address);
  const region = regionOf(request.analysis, addresses[0]);
  return serviceListCompletions({
    containers: place.containers,
    endpoints,
    range: string ? string.content : place.word,
    quote: !string,
    closing: string && !string.closed ? '"' : '',
    ...(string ? { editing: string.before + string.after } : {}),
    regionText: regionTextOf(request.analysis, region),
    basis: basisFor(request, addresses),
  });
}

function basisFor(request: CompletionRequest, addresses: string[]): PriceBasis {
  const { analysis } = request;
  return priceBasis(regionOf(analysis, addresses[0]), azBasisOf(analysis, addresses), analysis.settings, request.format);
}
