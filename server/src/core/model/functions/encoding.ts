// Encoding functions: base64decode base64encode base64gzip csvdecode jsondecode jsonencode
// textdecodebase64 textencodebase64 urlencode (YAML is in yaml.ts).
import { type MapValue, type Value, evalError, unknown } from '../values';
import { jsonEncode } from './json';
import { parseJson } from './jsonParse';
import type { Impl } from './spec';

const str = (v: Value | undefined): string => v as string;

/** Standard Base64 with padding, line breaks ignored (Go's StdEncoding); undefined when invalid. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const s = text.replace(/[\r\n]/g, '');
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return undefined;
  return Buffer.from(s, 'base64');
}

const encodeBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** UTF-8 text of the bytes, or undefined when they are not valid UTF-8. */
export function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export const base64encode: Impl = ([s]) => encodeBase64(Buffer.from(str(s), 'utf8'));

export const base64decode: Impl = ([s]) => {
  const bytes = decodeBase64(str(s));
  if (!bytes) return evalError(`base64decode(): failed to decode base64 data ${JSON.stringify(str(s))}`);
  return utf8(bytes) ?? evalError('base64decode(): the result of decoding the provided string is not valid UTF-8');
};

/** Go's compressor writes other bytes than zlib's for the same input: the result cannot be reproduced. */
export const base64gzip: Impl = () => unknown("base64gzip(): Terraform's gzip output is not reproduced byte for byte");

export const jsonencode: Impl = ([v]) => jsonEncode(v!);

export const jsondecode: Impl = ([s]) => {
  const parsed = parseJson(str(s));
  return 'error' in parsed ? evalError(`jsondecode(): ${parsed.error}`) : parsed.value;
};

/** Go's url.QueryEscape: unreserved characters stay, a space is `+`, other UTF-8 bytes are %XX. */
export const urlencode: Impl = ([s]) =>
  Array.from(Buffer.from(str(s), 'utf8'), (b) => {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
    return c === ' ' ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');

/** RFC 4180 as Go's encoding/csv reads it: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text: string): string[][] | string {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const s = text.replace(/\r\n/g, '\n');
  while (i < s.length) {
    if (row.length === 0 && s[i] === '\n') {
      i++; // blank lines are skipped
      continue;
    }
    let field = '';
    if (s[i] === '"') {
      for (i++; ; i++) {
        if (i >= s.length) return `extraneous or missing " in quoted-field (record ${rows.length + 1})`;
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i++;
            continue;
          }
          i++;
          break;
        }
        field += s[i];
      }
      if (i < s.length && s[i] !== ',' && s[i] !== '\n') return `extraneous or missing " in quoted-field (record ${rows.length + 1})`;
    } else {
      while (i < s.length && s[i] !== ',' && s[i] !== '\n') field += s[i++];
      if (field.includes('"')) return `bare " in non-quoted-field (record ${rows.length + 1})`;
    }
    row.push(field);
    if (i >= s.length || s[i] === '\n') {
      rows.push(row);
      row = [];
    }
    if (s[i] === ',' && i === s.length - 1) row.push(''); // a trailing comma ends with an empty field
    i++;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

export const csvdecode: Impl = ([s]) => {
  const rows = parseCsv(str(s));
  if (typeof rows === 'string') return evalError(`csvdecode(): ${rows}`);
  const [header, ...records] = rows;
  if (!header) return evalError('csvdecode(): missing header line');
  if (new Set(header).size !== header.length) return evalError('csvdecode(): duplicate column name in the header line');
  const out: Value[] = [];
  for (const [n, record] of records.entries()) {
    if (record.length !== header.length) return evalError(`csvdecode(): record ${n + 2} has ${record.length} fields, expected ${header.length}`);
    out.push(new Map(header.map((name, i): [string, Value] => [name, record[i]!])) as MapValue);
  }
  return out;
};

/** An IANA character set name we can encode or decode exactly, normalised. */
function charset(name: string): 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-16' | 'latin1' | 'ascii' | undefined {
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n === 'utf-8' || n === 'utf8' || n === 'csutf8') return 'utf-8';
  if (n === 'utf-16le' || n === 'csutf16le') return 'utf-16le';
  if (n === 'utf-16be' || n === 'csutf16be') return 'utf-16be';
  if (n === 'utf-16' || n === 'csutf16') return 'utf-16';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'iso-ir-100', 'ibm819', 'cp819', 'csisolatin1', 'iso-8859-1:1987'].includes(n)) return 'latin1';
  if (['us-ascii', 'ascii', 'us', 'iso646-us', 'csascii', 'ansi-x3.4-1968', 'iso-ir-6', 'cp367', 'ibm367'].includes(n)) return 'ascii';
  return undefined;
}

const swapBytes = (b: Buffer): Buffer => Buffer.from(b).swap16();

export const textencodebase64: Impl = ([s, name]) => {
  const text = str(s);
  const cs = charset(str(name));
  if (cs === undefined) return unknown(`textencodebase64(): the encoding ${JSON.stringify(name)} is not evaluated`);
  const cannot = evalError(`textencodebase64(): the given string contains characters that cannot be represented in ${str(name)}`);
  switch (cs) {
    case 'utf-8': return encodeBase64(Buffer.from(text, 'utf8'));
    case 'utf-16le': return encodeBase64(Buffer.from(text, 'utf16le'));
    case 'utf-16be': return encodeBase64(swapBytes(Buffer.from(text, 'utf16le')));
    case 'utf-16': return encodeBase64(Buffer.concat([Buffer.from([0xfe, 0xff]), swapBytes(Buffer.from(text, 'utf16le'))]));
    case 'latin1': return /^[\x00-\xff]*$/.test(text) ? encodeBase64(Buffer.from(text, 'latin1')) : cannot;
    case 'ascii': return /^[\x00-\x7f]*$/.test(text) ? encodeBase64(Buffer.from(text, 'latin1')) : cannot;
  }
};

export const textdecodebase64: Impl = ([s, name]) => {
  const bytes = decodeBase64(str(s));
  if (!bytes) return evalError(`textdecodebase64(): the given value has an invalid base64 symbol`);
  const cs = charset(str(name));
  const buffer = Buffer.from(bytes);
  switch (cs) {
    case 'utf-8': return utf8(bytes) ?? unknown('textdecodebase64(): bytes that are not valid UTF-8');
    case 'utf-16le': return buffer.length % 2 === 0 ? buffer.toString('utf16le') : evalError('textdecodebase64(): an odd number of bytes for UTF-16');
    case 'utf-16be': return buffer.length % 2 === 0 ? swapBytes(buffer).toString('utf16le') : evalError('textdecodebase64(): an odd number of bytes for UTF-16');
    case 'utf-16': {
      if (buffer.length % 2 !== 0) return evalError('textdecodebase64(): an odd number of bytes for UTF-16');
      if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
      return swapBytes(buffer.subarray(buffer[0] === 0xfe && buffer[1] === 0xff ? 2 : 0)).toString('utf16le');
    }
    case 'latin1': return buffer.toString('latin1');
    case 'ascii': return bytes.every((b) => b < 0x80) ? buffer.toString('latin1') : unknown('textdecodebase64(): bytes outside ASCII');
    default: return decodeOther(bytes, str(name));
  }
};

/** Other character sets through the platform's decoder, when its name means the same encoding. */
function decodeOther(bytes: Uint8Array, name: string): Value {
  try {
    const decoder = new TextDecoder(name, { fatal: true });
    if (decoder.encoding !== name.toLowerCase()) return unknown(`textdecodebase64(): the encoding ${JSON.stringify(name)} is not evaluated`);
    return decoder.decode(bytes);
  } catch {
    return unknown(`textdecodebase64(): the encoding ${JSON.stringify(name)} is not evaluated`);
  }
}

