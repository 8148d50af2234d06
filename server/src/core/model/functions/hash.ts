// Hash functions over a string's UTF-8 bytes (md5 sha1 sha256 sha512 base64sha256 base64sha512),
// uuidv5, and the random ones (bcrypt, uuid), whose result is never known before apply.
import { createHash } from 'node:crypto';
import { type Value, evalError, unknown } from '../values';
import type { Impl } from './spec';

export type HashName = 'md5' | 'sha1' | 'sha256' | 'sha512';

export function digest(algorithm: HashName, bytes: Uint8Array, encoding: 'hex' | 'base64'): string {
  return createHash(algorithm).update(bytes).digest(encoding);
}

const stringHash = (algorithm: HashName, encoding: 'hex' | 'base64'): Impl => ([s]) => digest(algorithm, Buffer.from(s as string, 'utf8'), encoding);

export const md5 = stringHash('md5', 'hex');
export const sha1 = stringHash('sha1', 'hex');
export const sha256 = stringHash('sha256', 'hex');
export const sha512 = stringHash('sha512', 'hex');
export const base64sha256 = stringHash('sha256', 'base64');
export const base64sha512 = stringHash('sha512', 'base64');

export const bcrypt: Impl = () => unknown('bcrypt() uses a random salt: its result is known only after apply');
export const uuid: Impl = () => unknown('uuid() is random: its result is known only after apply');

/** The namespaces RFC 4122 assigns, by uuidv5's keywords. */
const NAMESPACES: Record<string, string> = {
  dns: '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  url: '6ba7b811-9dad-11d1-80b4-00c04fd430c8',
  oid: '6ba7b812-9dad-11d1-80b4-00c04fd430c8',
  x500: '6ba7b814-9dad-11d1-80b4-00c04fd430c8',
};

/** A UUID in any of the forms Go's uuid.Parse accepts, as its 16 bytes. */
function uuidBytes(text: string): Buffer | undefined {
  const s = text.replace(/^urn:uuid:/i, '').replace(/^\{(.*)\}$/, '$1');
  if (!/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s)) return undefined;
  return Buffer.from(s.replace(/-/g, ''), 'hex');
}

export const uuidv5: Impl = ([namespace, name]) => {
  const ns = uuidBytes(NAMESPACES[namespace as string] ?? (namespace as string));
  if (!ns) return evalError(`uuidv5(): uuidv5() doesn't support namespace ${namespace as string}`);
  const hash = createHash('sha1').update(ns).update(Buffer.from(name as string, 'utf8')).digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` as Value;
};
