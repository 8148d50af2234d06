// The aws_vpc_endpoint arguments and the endpoint types they are valid for
// (data/endpoint-arguments.json, transcribed from the reference facts with their sources).
import type { EndpointType } from './endpointTypes';
import argumentData from './data/endpoint-arguments.json';

/** How a value is written, which decides what completion inserts after the name. */
type ArgumentValueKind = 'string' | 'list' | 'bool' | 'expression' | 'map' | 'block';

export interface EndpointArgument {
  name: string;
  value: ArgumentValueKind;
  /** The allowed values of an enumerated string. */
  values: string[];
  required: boolean;
  /** The endpoint types it may be written on. */
  validFor: EndpointType[];
  conflictsWith: string[];
  docs: string;
  sources: string[];
  /** The arguments of a nested block. */
  arguments: EndpointArgument[];
}

export interface EndpointTypeDoc {
  type: EndpointType;
  /** A few words: what the type is. */
  summary: string;
  docs: string;
  sources: string[];
}

interface ArgumentEntry {
  value: string;
  values?: string[];
  required?: boolean;
  validFor: string | string[];
  conflictsWith?: string[];
  docs: string;
  sources: string[];
  arguments?: Record<string, ArgumentEntry>;
}

const typeEntries: Record<string, { summary: string; docs: string; sources: string[] }> = argumentData.types;
const argumentEntries: Record<string, ArgumentEntry> = argumentData.arguments;


/** Every endpoint type, in the data file's order (Interface first). */
export const ENDPOINT_TYPE_DOCS: readonly EndpointTypeDoc[] = Object.entries(typeEntries).map(([type, entry]) => ({
  type: type as EndpointType,
  summary: entry.summary,
  docs: entry.docs,
  sources: [...entry.sources],
}));

const ALL_TYPES: EndpointType[] = ENDPOINT_TYPE_DOCS.map((doc) => doc.type);

function toArgument(name: string, entry: ArgumentEntry): EndpointArgument {
  return {
    name,
    value: entry.value as ArgumentValueKind,
    values: [...(entry.values ?? [])],
    required: entry.required === true,
    validFor: entry.validFor === 'all' ? [...ALL_TYPES] : (entry.validFor as EndpointType[]).filter((t) => ALL_TYPES.includes(t)),
    conflictsWith: [...(entry.conflictsWith ?? [])],
    docs: entry.docs,
    sources: [...entry.sources],
    arguments: Object.entries(entry.arguments ?? {}).map(([inner, innerEntry]) => toArgument(inner, innerEntry)),
  };
}

/** The top-level arguments of `aws_vpc_endpoint` (nested block arguments inside each). */
export function endpointArguments(): EndpointArgument[] {
  return Object.entries(argumentEntries).map(([name, entry]) => toArgument(name, entry));
}

/** The arguments valid inside the nested block at `path` (`[]`: the resource body; `['dns_options']`). */
export function endpointArgumentsAt(path: readonly string[]): EndpointArgument[] | undefined {
  let current: EndpointArgument[] | undefined = endpointArguments();
  for (const name of path) current = current?.find((a) => a.name === name && a.value === 'block')?.arguments;
  return current;
}

export function endpointTypeDoc(type: string): EndpointTypeDoc | undefined {
  return ENDPOINT_TYPE_DOCS.find((doc) => doc.type === type);
}
