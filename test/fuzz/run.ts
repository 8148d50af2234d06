// `npm run fuzz -- --iterations N --seed S`: fuzzes the core and the stdio server and ends
// with `fuzz: N inputs, C crashes, B broken fixes`; exits 1 on any failure.
import { corpus } from './corpus';
import { fuzzCore, type FuzzTally } from './fuzzCore';
import { fuzzServer } from './fuzzServer';
import { seeded } from './mutate';

export async function runFuzz(iterations: number, seed: number): Promise<FuzzTally> {
  const modules = corpus();
  const random = seeded(seed);
  const tally: FuzzTally = { inputs: 0, fixesApplied: 0, requestsSent: 0, failures: [] };
  await fuzzCore(modules, iterations, random, tally);
  await fuzzServer(modules, Math.max(1, Math.floor(iterations / 4)), random, tally);
  return tally;
}

export function summary(tally: FuzzTally): string {
  const crashes = tally.failures.filter((f) => f.kind === 'crash').length;
  const broken = tally.failures.filter((f) => f.kind === 'broken fix').length;
  return `fuzz: ${tally.inputs} inputs, ${crashes} crashes, ${broken} broken fixes`;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) {
    console.error(`fuzz: ${name} needs a whole number`);
    process.exit(2);
  }
  return value;
}

if (require.main === module) {
  const iterations = option('--iterations', 500);
  const seed = option('--seed', Date.now() % 2 ** 31);
  console.log(`fuzz: seed ${seed}, ${iterations} core iterations`);
  runFuzz(iterations, seed).then((tally) => {
    for (const f of tally.failures.slice(0, 10)) console.log(`- ${f.kind}: ${f.detail}\n  input: ${JSON.stringify(f.input.slice(0, 300))}`);
    console.log(`(${tally.fixesApplied} quick fixes applied)`);
    console.log(summary(tally));
    process.exitCode = tally.failures.length > 0 ? 1 : 0;
  });
}
