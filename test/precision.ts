// `npm run precision`: findings per rule on the real-world pattern suite (test/fixtures/patterns/)
// and the idiom fixtures (test/fixtures/idioms/): expected and present, missed, unexpected, and
// the severities found; known misses and false findings (expected-failures.json) listed with why.
import { type CaseResult, analyseIdioms, analysePattern, expectedFailures, patternNames, surprises } from './helpers/patternSuite';

interface Row {
  expected: number;
  present: number;
  missed: number;
  unexpected: number;
  severities: Map<string, number>;
}

function table(results: readonly CaseResult[]): string[] {
  const rows = new Map<string, Row>();
  const row = (rule: string) => rows.get(rule) ?? rows.set(rule, { expected: 0, present: 0, missed: 0, unexpected: 0, severities: new Map() }).get(rule)!;
  for (const r of results) {
    for (const p of r.present) {
      const x = row(p.rule);
      x.expected++;
      x.present++;
      if (p.severity) x.severities.set(p.severity, (x.severities.get(p.severity) ?? 0) + 1);
    }
    for (const m of r.missed) {
      row(m.rule).expected++;
      row(m.rule).missed++;
    }
    for (const u of r.unexpected) {
      const x = row(u.rule);
      x.unexpected++;
      if (u.severity) x.severities.set(`${u.severity} (unexpected)`, (x.severities.get(`${u.severity} (unexpected)`) ?? 0) + 1);
    }
  }
  const lines = ['rule     expected present missed unexpected  severities found'];
  for (const [rule, x] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const sev = [...x.severities].map(([s, n]) => `${s} ${n}`).join(', ');
    lines.push(`${rule.padEnd(8)} ${String(x.expected).padStart(8)} ${String(x.present).padStart(7)} ${String(x.missed).padStart(6)} ${String(x.unexpected).padStart(10)}  ${sev}`);
  }
  return lines;
}

async function main(): Promise<void> {
  const patterns = await Promise.all(patternNames().map(analysePattern));
  const idioms = await analyseIdioms();
  const known = expectedFailures();
  const out: string[] = [];
  out.push(`Pattern suite: ${patterns.length} patterns (test/fixtures/patterns)`, ...table(patterns), '');
  out.push(`Idiom fixtures: ${idioms.length} idioms (test/fixtures/idioms, findings by rule and address)`, ...table(idioms), '');
  out.push(`Known misses and false findings (expected-failures.json): ${known.length}`);
  for (const k of known) out.push(`  ${k.pattern}: ${k.kind} ${k.finding}: ${k.why}`);
  let bad = 0;
  for (const r of patterns) {
    const { unlisted, stale } = surprises(r, known);
    for (const u of unlisted) out.push(`  UNLISTED ${r.name}: ${u}`);
    for (const s of stale) out.push(`  STALE (no longer happens) ${r.name}: ${s}`);
    bad += unlisted.length + stale.length;
  }
  for (const r of idioms) {
    for (const m of r.missed) out.push(`  IDIOM ${r.name}: miss ${m.key}`);
    for (const u of r.unexpected) out.push(`  IDIOM ${r.name}: unexpected ${u.key}`);
    bad += r.missed.length + r.unexpected.length;
  }
  console.log(out.join('\n'));
  process.exitCode = bad > 0 ? 1 : 0;
}

void main();
