// How a built-in function is declared in the table (table.ts): its parameters with the types
// Terraform converts arguments to, what each parameter accepts, and the implementation.
import { type Value, unknown } from '../values';

/** A parameter type, as Terraform's function signatures declare them; `any` converts nothing. */
export type ParamType =
  | 'any' | 'string' | 'number' | 'bool'
  | { readonly list: ParamType } | { readonly set: ParamType } | { readonly map: ParamType };

export interface Param {
  readonly name: string;
  readonly type: ParamType;
  /** The argument may be null (else null is an error, as in Terraform). */
  readonly allowNull?: boolean;
  /**
   * The implementation handles Unknown values (and resource instances, whose attributes are not
   * all known) anywhere in this argument; else any of them makes the result Unknown.
   */
  readonly allowUnknown?: boolean;
  /** A trailing parameter that may be left out (`lookup`'s default). */
  readonly optional?: boolean;
}

/** What a function may read beyond its arguments: files of the module being evaluated. */
export interface CallContext {
  /** The root module's directory: Terraform's working directory, which relative paths start from. */
  readonly rootDir?: string;
  /** The directory of the module whose expression is evaluated. */
  readonly moduleDir?: string;
  /** The bytes of a file; 'missing' when there is no file, undefined when it cannot be read. */
  readonly readFile?: (absolutePath: string) => Uint8Array | 'missing' | undefined;
  /** Every regular file under a directory (absolute paths), or undefined when it cannot be listed. */
  readonly listFiles?: (absoluteDir: string) => readonly string[] | undefined;
}

/** Arguments arrive converted to their parameters' types, checked for null and Unknown. */
export type Impl = (args: Value[], ctx: CallContext) => Value;

export interface FunctionSpec {
  readonly params: readonly Param[];
  readonly variadic?: Param;
  readonly impl: Impl;
}

export const STRING = 'string';
export const NUMBER = 'number';
export const BOOL = 'bool';
export const ANY = 'any';
export const listOf = (type: ParamType): ParamType => ({ list: type });
export const setOf = (type: ParamType): ParamType => ({ set: type });
export const mapOf = (type: ParamType): ParamType => ({ map: type });

/** A parameter; `options` adds allowNull / allowUnknown / optional. */
export function param(name: string, type: ParamType, options: Omit<Param, 'name' | 'type'> = {}): Param {
  return { name, type, ...options };
}

/** `f() of a value not known until apply`: what a function answers for an input it cannot use. */
export const notKnown = (fn: string): Value => unknown(`${fn}() of a value not known until apply`);
