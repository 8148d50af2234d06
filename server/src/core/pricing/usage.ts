// Usage data in Infracost's format (`infracost-usage.yml`): monthly GB per resource address,
// read from `resource_usage.<address>.monthly_data_processed_gb`. An entry names one instance
// (`aws_vpc_endpoint.x["ssm"]`), a whole block (`aws_vpc_endpoint.x`) or every instance
// (`aws_vpc_endpoint.x[*]`); the most specific entry wins. Problems come back with positions,
// so a broken file is a diagnostic on that file, never a crash.
import { basename, resolve } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import type { Finding, Range } from '../types';
import type { ModuleFiles } from '../workspace';
import type { UsageLookup } from './resourceFigures';

export const DEFAULT_USAGE_FILE = 'infracost-usage.yml';
const DATA_KEY = 'monthly_data_processed_gb';

interface UsageProblem {
  range: Range;
  message: string;
}

interface UsageEntry {
  /** The address as written in the file. */
  address: string;
  pattern: AddressPart[];
  gb: number;
  range: Range;
}

export interface UsageFile {
  path: string;
  /** False when the YAML itself does not parse: then no entry is used. */
  parses: boolean;
  entries: UsageEntry[];
  problems: UsageProblem[];
}

/** One `module.<name>` or resource (`aws_x.name`, `data.aws_x.name`) step of an address. */
export interface AddressPart {
  name: string;
  /** undefined: no index written; '*': the wildcard; else a normalised key (`0`, `"ssm"`). */
  index: string | undefined;
}

const PART = /(module\.[A-Za-z_][\w-]*|(?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)(\[(?:\*|\d+|"(?:[^"\\]|\\.)*")\])?(?:\.|$)/y;

/** The parts of a Terraform resource address, or undefined when it is not one. */
export function parseAddress(address: string): AddressPart[] | undefined {
  const parts: AddressPart[] = [];
  const text = address.trim();
  if (text.endsWith('.')) return undefined;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const match = PART.exec(text);
    if (!match || match.index !== start) return undefined;
    const raw = match[2]?.slice(1, -1);
    parts.push({ name: match[1]!, index: raw === undefined || raw === '*' || /^\d+$/.test(raw) ? raw : JSON.stringify(JSON.parse(raw) as string) });
  }
  const last = parts[parts.length - 1];
  return last && !last.name.startsWith('module.') ? parts : undefined;
}

export function parseUsageFile(path: string, text: string): UsageFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offsets: readonly number[] | undefined): Range => {
    const start = lines.linePos(offsets?.[0] ?? 0);
    const end = lines.linePos(offsets?.[1] ?? offsets?.[0] ?? 0);
    return { start: { line: start.line - 1, character: start.col - 1 }, end: { line: end.line - 1, character: end.col - 1 } };
  };
  const problems: UsageProblem[] = doc.errors.map((e) => ({
    range: at(e.pos),
    message: `${basename(path)}: ${e.message.split('\n')[0]}. Its usage data is ignored until it parses.`,
  }));
  const entries: UsageEntry[] = [];
  if (problems.length > 0) return { path, parses: false, entries, problems };
  const problem = (node: Node | null | undefined, message: string) =>
    problems.push({ range: at(node?.range ?? undefined), message: `${basename(path)}: ${message} This entry is ignored.` });
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { path, parses: true, entries, problems };
  if (!isMap(root)) {
    problem(root, 'expected a mapping with a `resource_usage` key (Infracost usage file format).');
    return { path, parses: true, entries, problems };
  }
  const usagePair = root.items.find((p) => isScalar(p.key) && p.key.value === 'resource_usage');
  const usage = usagePair?.value as Node | null | undefined;
  if (!usagePair || usage === null || usage === undefined || (isScalar(usage) && usage.value === null)) return { path, parses: true, entries, problems };
  if (!isMap(usage)) {
    problem(usage, '`resource_usage` must map resource addresses to their usage.');
    return { path, parses: true, entries, problems };
  }
  for (const pair of usage.items) {
    const entry = readEntry(pair, problem, at);
    if (entry) entries.push(entry);
  }
  return { path, parses: true, entries, problems };
}

function readEntry(pair: Pair, problem: (node: Node | null | undefined, message: string) => void, at: (o: readonly number[] | undefined) => Range): UsageEntry | undefined {
  const key = pair.key as Node | null;
  const address = isScalar(key) ? String(key.value) : undefined;
  const pattern = address === undefined ? undefined : parseAddress(address);
  if (!address || !pattern) {
    problem(key, `"${address ?? '?'}" is not a resource address (expected e.g. aws_vpc_endpoint.interface["ssm"] or module.endpoints.aws_vpc_endpoint.this[*]).`);
    return undefined;
  }
  const value = pair.value as Node | null;
  if (value === null || (isScalar(value) && value.value === null)) return undefined;
  if (!isMap(value)) {
    problem(value, `the usage of ${address} must be a mapping of usage keys (e.g. ${DATA_KEY}: 100).`);
    return undefined;
  }
  const dataPair = value.items.find((p) => isScalar(p.key) && p.key.value === DATA_KEY);
  if (!dataPair) return undefined;
  const data = dataPair.value as Node | null;
  const gb = isScalar(data) ? data.value : undefined;
  if (typeof gb !== 'number' || !Number.isFinite(gb) || gb < 0) {
    problem(data ?? (dataPair.key as Node), `${DATA_KEY} of ${address} must be a number of GB (0 or more), got ${isScalar(data) ? JSON.stringify(data.value) : 'a non-number'}.`);
    return undefined;
  }
  return { address, pattern, gb, range: at(key?.range ?? undefined) };
}

type Specificity = 0 | 1 | 2; // exact instance, whole block, wildcard

function specificity(pattern: readonly AddressPart[], address: readonly AddressPart[]): Specificity | undefined {
  if (pattern.length !== address.length) return undefined;
  let result: Specificity = 0;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const a = address[i]!;
    if (p.name !== a.name) return undefined;
    if (p.index === a.index) continue;
    if (p.index === '*') result = 2;
    else if (p.index === undefined) result = Math.max(result, 1) as Specificity;
    else return undefined;
  }
  return result;
}

/** The lookup the cost engine asks: exact instance beats whole block beats wildcard. */
export function usageLookup(file: UsageFile): UsageLookup {
  const name = basename(file.path);
  return (address: string) => {
    const parts = parseAddress(address);
    if (!parts) return undefined;
    let best: { entry: UsageEntry; rank: Specificity } | undefined;
    for (const entry of file.entries) {
      const rank = specificity(entry.pattern, parts);
      if (rank !== undefined && (best === undefined || rank < best.rank)) best = { entry, rank };
    }
    return best ? { gb: best.entry.gb, source: `${name} (${best.entry.address})` } : undefined;
  };
}

/**
 * The module's usage file: the configured one (resolved against the module directory), else
 * `infracost-usage.yml` when the directory has one. Its problems come back as findings.
 */
export function readUsageFile(dir: string, listed: string | undefined, configured: string | undefined, files: ModuleFiles): { file?: UsageFile; problems: Finding[] } {
  const path = configured ? resolve(dir, configured) : listed;
  if (!path) return { problems: [] };
  const source = files.read(path);
  if (!source) {
    const message = `Cannot read the usage file ${path}; data volumes fall back to vpceLens.monthlyDataGb.`;
    return { problems: [usageFinding(path, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message, 'error')] };
  }
  const file = parseUsageFile(path, source.text);
  return { file, problems: file.problems.map((p) => usageFinding(path, p.range, p.message, file.parses ? 'warning' : 'error')) };
}

function usageFinding(file: string, range: Range, message: string, severity: Finding['severity']): Finding {
  return { rule: 'VPCE000', severity, file, range, message, fixes: [] };
}
