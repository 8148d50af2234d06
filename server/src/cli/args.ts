// Command-line arguments of `vpce-lens`, per docs/cli.md. Errors are messages for stderr, not
// exceptions.
import type { SeveritySetting } from '../core/types';
import { REGION_PATTERN } from '../core/services/catalogue';
import { ruleMetadata } from '../core/rules/metadata';

type Command = 'check' | 'cost' | 'diff';
type Format = 'text' | 'json' | 'sarif' | 'markdown';

export interface CliArgs {
  command: Command;
  paths: string[];
  format: Format;
  recursive: boolean;
  region?: string;
  azCount?: number;
  monthlyGb?: number;
  hoursPerMonth?: number;
  usageFile?: string;
  priceOverridesFile?: string;
  varFiles: string[];
  rules: Record<string, SeveritySetting>;
  /** `diff`: what to compare with (`--base`, `--base-dir`, `--base-json`); absent: the default branch's merge-base. */
  base?: BaseOption;
  /** `diff --fail-above AMOUNT`: the monthly increase above which the exit code is 1. */
  failAbove?: number;
}

export type BaseOption = { kind: 'ref' | 'dir' | 'json'; value: string };

const BASE_FLAGS: Record<string, BaseOption['kind']> = { '--base': 'ref', '--base-dir': 'dir', '--base-json': 'json' };

export type ParseResult = { kind: 'run'; args: CliArgs } | { kind: 'help' } | { kind: 'version' } | { kind: 'error'; message: string };

const FORMATS: Record<Command, Format[]> = { check: ['text', 'json', 'sarif'], cost: ['text', 'json', 'markdown'], diff: ['text', 'json', 'markdown'] };
const VALUE_OPTIONS = new Set([
  '--format', '--region', '--az-count', '--monthly-gb', '--usage-file', '--var-file', '--rule', '--hours-per-month', '--price-overrides',
  ...Object.keys(BASE_FLAGS), '--fail-above',
]);
const COST_OPTIONS = ['--format', '--region', '--az-count', '--monthly-gb', '--usage-file', '--var-file', '--hours-per-month', '--price-overrides', '--recursive'];
const COMMAND_OPTIONS: Record<Command, Set<string>> = {
  check: new Set(['--format', '--region', '--az-count', '--usage-file', '--var-file', '--rule', '--recursive']),
  cost: new Set(COST_OPTIONS),
  diff: new Set([...COST_OPTIONS, ...Object.keys(BASE_FLAGS), '--fail-above']),
};

export const USAGE = `Usage:
  vpce-lens check [PATH ...] [--format text|json|sarif] [--region R] [--az-count N]
                  [--usage-file FILE] [--var-file FILE ...] [--rule ID=off|hint|info|warning|error ...] [--recursive]
  vpce-lens cost  [PATH ...] [--format text|json|markdown] [--region R] [--az-count N]
                  [--monthly-gb N] [--usage-file FILE] [--var-file FILE ...] [--hours-per-month H]
                  [--price-overrides FILE] [--recursive]
  vpce-lens diff  [PATH ...] [--base REF | --base-dir DIR | --base-json FILE] [--format text|json|markdown]
                  [--fail-above AMOUNT] [and the cost flags]
  vpce-lens --version | --help

A PATH is a Terraform module directory or a .tf / .tofu file (read with its directory); default: the current directory.
--region and --az-count fill gaps: a region the Terraform sets (resource, provider, variable) and
subnets that can be counted win over them, and the output says where that happened.
--price-overrides FILE: JSON in the shape of the vpceLens.pricing.overrides setting.
diff prices the modules at a base and now: --base REF (its merge-base with HEAD; default: the
merge-base with origin/HEAD, else main, else master), --base-dir DIR (DIR holds the base of the
current folder), --base-json FILE (an earlier cost --format json).
Exit codes: check 0 = no error finding, 1 = error findings, 2 = usage error or unreadable input; cost 0 or 2;
diff 0, 1 = the monthly increase is above --fail-above, 2 = usage error, unreadable input or base.`;

function number(name: string, raw: string, integer: boolean, min: number): number | string {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) {
    return `${name} needs ${integer ? 'a whole number' : 'a number'} >= ${min}, got "${raw}"`;
  }
  return n;
}

export function parseArgs(argv: readonly string[]): ParseResult {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'check' && command !== 'cost' && command !== 'diff') return { kind: 'error', message: `unknown command "${command}": expected check, cost or diff` };
  const args: CliArgs = { command, paths: [], format: 'text', recursive: false, varFiles: [], rules: {} };
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (!token.startsWith('--')) {
      args.paths.push(token);
      continue;
    }
    const [flag, inline] = token.includes('=') && token.indexOf('=') > 2 && VALUE_OPTIONS.has(token.slice(0, token.indexOf('='))) ? [token.slice(0, token.indexOf('=')), token.slice(token.indexOf('=') + 1)] : [token, undefined];
    if (!COMMAND_OPTIONS[command].has(flag!)) return { kind: 'error', message: `${command} does not take ${flag}` };
    if (flag === '--recursive') {
      args.recursive = true;
      continue;
    }
    const value = inline ?? rest[++i];
    if (value === undefined) return { kind: 'error', message: `${flag} needs a value` };
    const problem = applyOption(args, flag!, value);
    if (problem) return { kind: 'error', message: problem };
  }
  if (args.paths.length === 0) args.paths.push('.');
  return { kind: 'run', args };
}

function applyOption(args: CliArgs, flag: string, value: string): string | undefined {
  switch (flag) {
    case '--format':
      if (!FORMATS[args.command].includes(value as Format)) return `${args.command} --format takes ${FORMATS[args.command].join(', ')}; got "${value}"`;
      args.format = value as Format;
      return undefined;
    case '--region':
      if (!REGION_PATTERN.test(value)) return `--region needs an AWS region name like eu-west-1, got "${value}"`;
      args.region = value;
      return undefined;
    case '--usage-file':
      args.usageFile = value;
      return undefined;
    case '--price-overrides':
      args.priceOverridesFile = value;
      return undefined;
    case '--base':
    case '--base-dir':
    case '--base-json': {
      const given = Object.entries(BASE_FLAGS).find(([, kind]) => kind === args.base?.kind)?.[0];
      if (given) return given === flag ? `${flag} is given twice` : `${given} and ${flag} cannot be used together: give one base`;
      if (value === '') return `${flag} needs a value`;
      args.base = { kind: BASE_FLAGS[flag]!, value };
      return undefined;
    }
    case '--var-file':
      args.varFiles.push(value);
      return undefined;
    case '--rule': {
      const match = /^(VPCE\d{3})=(off|hint|info|warning|error)$/.exec(value);
      if (!match) return `--rule needs ID=off|hint|info|warning|error (e.g. VPCE201=off), got "${value}"`;
      if (!ruleMetadata(match[1]!)) return `--rule ${match[1]}: no such rule (docs/rules.md lists them)`;
      args.rules[match[1]!] = match[2] as SeveritySetting;
      return undefined;
    }
    default: {
      const spec = {
        '--az-count': ['azCount', true, 1], '--monthly-gb': ['monthlyGb', false, 0], '--hours-per-month': ['hoursPerMonth', false, 1], '--fail-above': ['failAbove', false, 0],
      } as const;
      const [key, integer, min] = spec[flag as keyof typeof spec];
      const n = number(flag, value, integer, min);
      if (typeof n === 'string') return n;
      args[key] = n;
      return undefined;
    }
  }
}
