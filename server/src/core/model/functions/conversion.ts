// Type conversion functions: tobool tolist tomap tonumber toset tostring, and the ones about
// marks Terraform keeps on values (sensitive, nonsensitive, issensitive, ephemeralasnull).
// vpce-lens does not track those marks: a sensitive value is its plain value, and whether a
// value is marked cannot be told, so issensitive / ephemeralasnull are Unknown.
import { unknown } from '../values';
import { convert } from './convert';
import type { Impl, ParamType } from './spec';
import { listOf, mapOf, setOf } from './spec';

/** Null and Unknown stay themselves; anything that does not convert is an EvalError. */
const to = (type: ParamType): Impl => ([v]) => convert(v!, type);

export const tobool = to('bool');
export const tonumber = to('number');
export const tostring = to('string');
export const tolist = to(listOf('any'));
export const toset = to(setOf('any'));
export const tomap = to(mapOf('any'));

export const sensitive: Impl = ([v]) => v!;
export const nonsensitive: Impl = ([v]) => v!;
export const issensitive: Impl = () => unknown('issensitive(): vpce-lens does not track sensitive values');
export const ephemeralasnull: Impl = () => unknown('ephemeralasnull(): vpce-lens does not track ephemeral values');
