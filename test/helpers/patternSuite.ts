// The real-world pattern suite (test/fixtures/patterns/, format in its README) and the idiom
// fixtures, analysed and compared with their expected findings: what `npm run precision` prints
// and test/unit/patterns.test.ts enforces.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Analyzer } from '../../server/src/core/analyzer';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import type { Finding, Severity } from '../../server/src/core/types';
import { DiskModuleFiles } from '../../server/src/diskFiles';
import { idiomFixtures } from './idiomFixtures';
import { memoryFiles } from './memoryModule';
import { caseFiles, readMarked } from './ruleFixtures';

export const PATTERN_FIXTURES = resolve(__dirname, '../../../test/fixtures/patterns');
const EXPECTED_FAILURES = join(PATTERN_FIXTURES, 'expected-failures.json');

/** A finding as compared: `file:line:RULE` for patterns (file relative to the pattern), `RULE address` for idioms. */
export interface Compared {
  key: string;
  rule: string;
  severity?: Severity;
}

export interface CaseResult {
  suite: 'patterns' | 'idioms';
  name: string;
  present: Compared[];
  missed: Compared[];
  unexpected: Compared[];
}

/** A known miss or false finding of the pattern suite, with the reason it is not fixed yet. */
export interface ExpectedFailure {
  pattern: string;
  kind: 'miss' | 'unexpected';
  /** `file:line:RULE`, the file relative to the pattern folder, the line 0-based as in findings. */
  finding: string;
  why: string;
}

export function expectedFailures(): ExpectedFailure[] {
  return existsSync(EXPECTED_FAILURES) ? (JSON.parse(readFileSync(EXPECTED_FAILURES, 'utf8')) as ExpectedFailure[]) : [];
}

export function patternNames(): string[] {
  return readdirSync(PATTERN_FIXTURES).filter((n) => statSync(join(PATTERN_FIXTURES, n)).isDirectory()).sort();
}

let shared: Promise<Analyzer> | undefined;

function compare(suite: CaseResult['suite'], name: string, expected: Compared[], found: Compared[]): CaseResult {
  const remaining = [...found];
  const present: Compared[] = [];
  const missed: Compared[] = [];
  for (const want of expected) {
    const i = remaining.findIndex((f) => f.key === want.key);
    if (i < 0) missed.push(want);
    else present.push(remaining.splice(i, 1)[0]!);
  }
  return { suite, name, present, missed, unexpected: remaining };
}

export async function analysePattern(name: string): Promise<CaseResult> {
  shared ??= Analyzer.create();
  const dir = join(PATTERN_FIXTURES, name);
  const { files, expected } = readMarked(caseFiles(dir));
  const rel = (path: string) => relative(dir, path);
  const findings: Finding[] = (await shared).analyze(dir, memoryFiles(files), DEFAULT_SETTINGS).findings.filter((f) => !f.suppressed);
  return compare(
    'patterns',
    name,
    expected.map((e) => {
      const [line, rule] = e.split(':').slice(-2) as [string, string];
      return { key: `${rel(e.split(':').slice(0, -2).join(':'))}:${line}:${rule}`, rule };
    }),
    findings.map((f) => ({ key: `${rel(f.file)}:${f.range.start.line}:${f.rule}`, rule: f.rule, severity: f.severity })),
  );
}

export async function analyseIdioms(): Promise<CaseResult[]> {
  shared ??= Analyzer.create();
  const analyzer = await shared;
  return idiomFixtures().map((fixture) => {
    const found = analyzer.analyze(fixture.dir, new DiskModuleFiles(), { ...DEFAULT_SETTINGS, ...fixture.settings }).findings.filter((f) => !f.suppressed);
    const key = (f: { rule: string; address?: string | null }) => `${f.rule} ${f.address ?? '(no address)'}`;
    return compare(
      'idioms',
      fixture.name,
      fixture.findings.map((f) => ({ key: key(f), rule: f.rule })),
      found.map((f) => ({ key: key(f), rule: f.rule, severity: f.severity })),
    );
  });
}

/** The misses and false findings of a pattern that expected-failures.json does not list, and the entries that no longer happen. */
export function surprises(result: CaseResult, known: readonly ExpectedFailure[]): { unlisted: string[]; stale: string[] } {
  const mine = known.filter((k) => k.pattern === result.name);
  const actual = [...result.missed.map((m) => `miss ${m.key}`), ...result.unexpected.map((u) => `unexpected ${u.key}`)];
  const listed = mine.map((k) => `${k.kind} ${k.finding}`);
  return { unlisted: actual.filter((a) => !listed.includes(a)), stale: listed.filter((l) => !actual.includes(l)) };
}
