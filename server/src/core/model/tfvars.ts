// Variable values from *.tfvars and *.tfvars.json files, in Terraform's order of precedence:
// terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) by name, then extra var files.
import type { HclFile } from '../parse/ast';
import { Evaluator } from './evaluator';
import { buildModule } from './module';
import { MODULE_SCOPE } from './scope';
import { type Value, unknown } from './values';

export function isVarFileName(name: string): boolean {
  return name === 'terraform.tfvars' || name === 'terraform.tfvars.json' || /\.auto\.tfvars(\.json)?$/.test(name);
}

/** Orders automatically loaded var files the way Terraform does. */
export function varFileOrder(a: string, b: string): number {
  const rank = (n: string) => (n.endsWith('terraform.tfvars') ? 0 : n.endsWith('terraform.tfvars.json') ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function valuesFromHclVarFile(file: HclFile): Map<string, Value> {
  const evaluator = new Evaluator(buildModule('', []), { addressPrefix: '' });
  const out = new Map<string, Value>();
  for (const attribute of file.body.attributes) out.set(attribute.name, evaluator.evaluate(attribute.expr, MODULE_SCOPE));
  return out;
}

export function valuesFromJsonVarFile(text: string): Map<string, Value> | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { error: `not valid JSON: ${(e as Error).message}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'a .tfvars.json file must hold one JSON object' };
  return new Map(Object.entries(parsed).map(([k, v]) => [k, fromJson(v)]));
}

function fromJson(v: unknown): Value {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(fromJson);
  if (typeof v === 'object') return new Map(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, fromJson(x)]));
  return unknown('a JSON value that is not data');
}
