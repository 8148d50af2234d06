// Filesystem functions. Path functions are pure string work (POSIX paths, as Go's filepath);
// the file readers resolve relative paths from the root module's directory (Terraform's working
// directory) and read only inside the root module's or the current module's tree, through the
// reader the analysis gives them. A file outside those trees, or one that cannot be read, is
// Unknown; a file that does not exist is Terraform's error.
import { isAbsolute, posix, relative, resolve } from 'node:path';
import { type Value, evalError, unknown } from '../values';
import { digest, type HashName } from './hash';
import { utf8 } from './encoding';
import type { CallContext, Impl } from './spec';
import { compareStrings } from './text';

/** Go's filepath.Clean: no trailing slash, no `.` segments, `..` resolved where it can be, "" -> ".". */
function clean(p: string): string {
  const n = posix.normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

export const basename: Impl = ([p]) => {
  const s = (p as string).replace(/\/+$/, '');
  if (p === '') return '.';
  if (s === '') return '/';
  return s.slice(s.lastIndexOf('/') + 1);
};

export const dirname: Impl = ([p]) => {
  const s = p as string;
  const i = s.lastIndexOf('/');
  return clean(s.slice(0, i + 1) || '.');
};

/** `~` is the home directory of whoever runs Terraform: not known here. Other paths are unchanged. */
export const pathexpand: Impl = ([p]) => {
  const s = p as string;
  if (s === '~' || s.startsWith('~/')) return unknown('pathexpand(): the home directory is not known');
  return s.startsWith('~') ? evalError('pathexpand(): cannot expand user-specific home dir') : s;
};

export const abspath: Impl = ([p], ctx) => {
  const s = p as string;
  if (isAbsolute(s)) return clean(s);
  return ctx.rootDir === undefined ? unknown('abspath(): the working directory is not known') : clean(resolve(ctx.rootDir, s));
};

const inside = (dir: string | undefined, path: string): boolean => {
  if (dir === undefined) return false;
  const r = relative(dir, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** The absolute path a file function reads, or why it cannot be read (Unknown). */
function filePath(p: string, ctx: CallContext, fn: string): string | Value {
  if (p.startsWith('~')) return unknown(`${fn}(): the home directory is not known`);
  if (ctx.rootDir === undefined || ctx.readFile === undefined) return unknown(`${fn}(): files are not read here`);
  const abs = resolve(ctx.rootDir, p);
  if (!inside(ctx.rootDir, abs) && !inside(ctx.moduleDir, abs)) return unknown(`${fn}(): ${p} is outside the module`);
  return abs;
}

/** The file's bytes, an EvalError when it does not exist, or Unknown when it cannot be read. */
function readBytes(p: Value, ctx: CallContext, fn: string): Uint8Array | Value {
  const abs = filePath(p as string, ctx, fn);
  if (typeof abs !== 'string') return abs;
  const bytes = ctx.readFile!(abs);
  if (bytes === 'missing') return evalError(`${fn}(): no file exists at ${p as string}`);
  return bytes ?? unknown(`${fn}(): ${p as string} cannot be read`);
}

const isBytes = (v: Uint8Array | Value): v is Uint8Array => v instanceof Uint8Array;

export const file: Impl = ([p], ctx) => {
  const bytes = readBytes(p!, ctx, 'file');
  if (!isBytes(bytes)) return bytes;
  return utf8(bytes) ?? evalError(`file(): contents of ${p as string} are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded contents`);
};

export const filebase64: Impl = ([p], ctx) => {
  const bytes = readBytes(p!, ctx, 'filebase64');
  return isBytes(bytes) ? Buffer.from(bytes).toString('base64') : bytes;
};

const fileHash = (fn: string, algorithm: HashName, encoding: 'hex' | 'base64'): Impl => ([p], ctx) => {
  const bytes = readBytes(p!, ctx, fn);
  return isBytes(bytes) ? digest(algorithm, bytes, encoding) : bytes;
};

export const filemd5 = fileHash('filemd5', 'md5', 'hex');
export const filesha1 = fileHash('filesha1', 'sha1', 'hex');
export const filesha256 = fileHash('filesha256', 'sha256', 'hex');
export const filesha512 = fileHash('filesha512', 'sha512', 'hex');
export const filebase64sha256 = fileHash('filebase64sha256', 'sha256', 'base64');
export const filebase64sha512 = fileHash('filebase64sha512', 'sha512', 'base64');

export const fileexists: Impl = ([p], ctx) => {
  const abs = filePath(p as string, ctx, 'fileexists');
  if (typeof abs !== 'string') return abs;
  const bytes = ctx.readFile!(abs);
  if (bytes === 'missing') return false;
  return bytes === undefined ? unknown(`fileexists(): ${p as string} cannot be read`) : true;
};

/** A doublestar glob as a regular expression over slash-separated relative paths. */
function globPattern(glob: string): RegExp | undefined {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    const atSegmentStart = i === 0 || glob[i - 1] === '/';
    if (c === '*' && glob[i + 1] === '*' && atSegmentStart && (glob[i + 2] === '/' || i + 2 === glob.length)) {
      out += glob[i + 2] === '/' ? '(?:[^/]+/)*' : '.*';
      i += 2;
    } else if (c === '*') {
      out += '[^/]*';
      while (glob[i + 1] === '*') i++;
    } else if (c === '?') out += '[^/]';
    else if (c === '{') {
      out += '(?:';
      braces++;
    } else if (c === '}' && braces > 0) {
      out += ')';
      braces--;
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) return undefined;
      const body = glob.slice(i + 1, end).replace(/^[!^]/, '^').replace(/\\/g, '\\\\');
      out += `[${body}]`;
      i = end;
    } else if (c === '\\' && i + 1 < glob.length) out += `\\${glob[++i]}`;
    else out += c.replace(/[.+^$()|\]{}]/g, '\\$&');
  }
  if (braces > 0) return undefined;
  try {
    return new RegExp(`^${out}$`, 'u');
  } catch {
    return undefined;
  }
}

export const fileset: Impl = ([p, pattern], ctx) => {
  const abs = filePath(p as string, ctx, 'fileset');
  if (typeof abs !== 'string') return abs;
  const glob = pattern as string;
  if (glob.split('/').includes('..') || isAbsolute(glob)) return unknown('fileset(): a pattern that leaves the directory is not evaluated');
  const re = globPattern(glob);
  if (!re) return evalError(`fileset(): failed to glob pattern ${JSON.stringify(glob)}`);
  const files = ctx.listFiles?.(abs);
  if (!files) return unknown(`fileset(): ${p as string} cannot be listed`);
  return files.map((f) => relative(abs, f).split('\\').join('/')).filter((f) => re.test(f)).sort(compareStrings);
};

export const templatefile: Impl = () => unknown('templatefile() is not evaluated');
export const templatestring: Impl = () => unknown('templatestring() is not evaluated');
