// Reads the evaluator conformance table (test/fixtures/conformance/*.yaml, format in its
// README) and renders evaluated values for comparison with the table's expectations.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type Value, isError, isInstance, isList, isMap, isUnknown } from '../../server/src/core/model/values';

export const CONFORMANCE_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'conformance');

export type Expectation =
  | { kind: 'value'; value: unknown }
  | { kind: 'unknown' }
  | { kind: 'error' };

export interface ConformanceCase {
  /** `functions.yaml#12`, for test names and messages. */
  id: string;
  expr: string;
  /** Extra HCL placed in the module beside `locals { result = <expr> }`. */
  setup: string;
  /** Text of terraform.tfvars, if the case needs one. */
  tfvars?: string;
  /** Other files of the module (name relative to the module -> text), for the file functions. */
  files?: Record<string, string>;
  /** Analysis settings (e.g. `region`). */
  settings: Record<string, unknown>;
  expect: Expectation;
  source: string;
}

const UNKNOWN_MARK = '<unknown>';

interface RawCase {
  expr?: unknown; setup?: unknown; tfvars?: unknown; files?: unknown; settings?: unknown; expect?: unknown; unknown?: unknown; error?: unknown; source?: unknown;
}

export function conformanceFiles(): string[] {
  return readdirSync(CONFORMANCE_DIR).filter((f) => f.endsWith('.yaml')).sort();
}

export function conformanceCases(): ConformanceCase[] {
  return conformanceFiles().flatMap((file) => readCases(file));
}

function readCases(file: string): ConformanceCase[] {
  const doc = parse(readFileSync(join(CONFORMANCE_DIR, file), 'utf8')) as { source?: string; setup?: string; cases?: RawCase[] };
  if (!doc || !Array.isArray(doc.cases)) throw new Error(`${file}: needs a top-level "cases" list`);
  return doc.cases.map((raw, i) => {
    const id = `${file}#${i + 1}`;
    if (typeof raw.expr !== 'string') throw new Error(`${id}: "expr" must be a string`);
    const given = ['expect', 'unknown', 'error'].filter((k) => k in raw);
    if (given.length !== 1) throw new Error(`${id}: give exactly one of expect, unknown: true, error: true (got ${given.join(', ') || 'none'})`);
    const expect: Expectation = 'expect' in raw ? { kind: 'value', value: raw.expect } : raw.unknown === true ? { kind: 'unknown' } : { kind: 'error' };
    if (('unknown' in raw && raw.unknown !== true) || ('error' in raw && raw.error !== true)) throw new Error(`${id}: unknown/error take only true`);
    const source = typeof raw.source === 'string' ? raw.source : doc.source;
    if (!source) throw new Error(`${id}: no source (per case or for the file)`);
    return {
      id, expr: raw.expr,
      setup: [doc.setup, raw.setup].filter((s): s is string => typeof s === 'string').join('\n'),
      ...(typeof raw.tfvars === 'string' ? { tfvars: raw.tfvars } : {}),
      ...(raw.files && typeof raw.files === 'object' ? { files: raw.files as Record<string, string> } : {}),
      settings: (raw.settings as Record<string, unknown> | undefined) ?? {},
      expect, source,
    };
  });
}

/** A value as plain data: maps and objects as objects, Unknown as "<unknown>", instances by address. */
export function plain(v: Value): unknown {
  if (isError(v)) return `<error: ${v.reason}>`;
  if (isUnknown(v)) return UNKNOWN_MARK;
  if (isInstance(v)) return `<instance ${v.address}>`;
  if (isList(v)) return v.map(plain);
  if (isMap(v)) return Object.fromEntries([...v.entries()].map(([k, x]) => [k, plain(x)]));
  return v;
}
