// Terraform's regular expressions are RE2 (Go's regexp): this translates an RE2 pattern into an
// equivalent JavaScript one (always in `u` mode), or says why it cannot. What RE2 itself
// rejects (lookaround, backreferences, bad escapes) is an `error`, a Terraform error; what RE2
// accepts but has no JavaScript equivalent here (mid-pattern flag changes, \C) is `unsupported`,
// which callers turn into Unknown rather than pretend.

export type Translation =
  | { kind: 'ok'; source: string; flags: string; groups: (string | undefined)[] }
  | { kind: 'error' | 'unsupported'; reason: string };

const CATEGORIES = new Set([
  'L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'M', 'Mn', 'Mc', 'Me', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po',
  'S', 'Sm', 'Sc', 'Sk', 'So', 'Z', 'Zs', 'Zl', 'Zp', 'C', 'Cc', 'Cf', 'Co', 'Cs', 'Any',
]);

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F', digit: '0-9',
  graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ', upper: 'A-Z',
  word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

const RE2_SPACE = '\\t\\n\\f\\r ';
/** Characters a JavaScript `u` pattern needs escaped: everywhere, and also inside a class. */
const SYNTAX = new Set('^$\\.*+?()[]{}|/');
const CLASS_SYNTAX = new Set('^$\\.*+?()[]{}|/-');

class Fail extends Error {
  constructor(readonly kind: 'error' | 'unsupported', reason: string) {
    super(reason);
  }
}

/** A literal character, escaped for a JavaScript `u` pattern. */
function literal(c: string, inClass = false): string {
  if ((inClass ? CLASS_SYNTAX : SYNTAX).has(c)) return `\\${c}`;
  const code = c.codePointAt(0)!;
  return code < 0x20 || code === 0x7f ? `\\u{${code.toString(16)}}` : c;
}

class Translator {
  private i = 0;
  private readonly chars: string[];
  private readonly groups: (string | undefined)[] = [];
  private dotAll = false;
  private ungreedy = false;
  private flags = '';

  constructor(pattern: string) {
    this.chars = [...pattern];
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.i + offset];
  }

  private rest(): string {
    return this.chars.slice(this.i).join('');
  }

  translate(): Translation {
    this.leadingFlags();
    let out = '';
    while (this.i < this.chars.length) out += this.atom();
    return { kind: 'ok', source: out, flags: this.flags, groups: this.groups };
  }

  /** `(?i)` and friends at the very start apply to the whole pattern, as JavaScript flags. */
  private leadingFlags(): void {
    for (let m = /^\(\?([imsU]+)\)/.exec(this.rest()); m; m = /^\(\?([imsU]+)\)/.exec(this.rest())) {
      for (const f of m[1]!) {
        if (f === 'U') this.ungreedy = true;
        else if (f === 's') this.dotAll = true;
        else if (!this.flags.includes(f)) this.flags += f;
      }
      this.i += m[0].length;
    }
  }

  private atom(): string {
    const c = this.chars[this.i++]!;
    switch (c) {
      case '\\': return this.escape(false);
      case '[': return this.charClass();
      case '(': return this.group();
      case '.': return this.dotAll ? '[\\s\\S]' : '[^\\n]';
      case '*': case '+': case '?': return this.quantifier(c);
      case '{': {
        const m = /^(\d+)(,(\d*))?\}/.exec(this.rest());
        if (!m) return '\\{';
        if (Number(m[1]) > 1000 || Number(m[3] || 0) > 1000) throw new Fail('error', 'invalid repeat count');
        this.i += m[0].length;
        return this.quantifier(`{${m[1]}${m[2] ?? ''}}`);
      }
      case '}': case ']': case '/': return `\\${c}`;
      default: return c === '^' || c === '$' || c === '|' || c === ')' ? c : literal(c);
    }
  }

  /** A repetition, its laziness inverted under the U flag. */
  private quantifier(q: string): string {
    const lazy = this.peek() === '?';
    if (lazy) this.i++;
    return q + (lazy !== this.ungreedy ? '?' : '');
  }

  private group(): string {
    if (this.peek() !== '?') {
      this.groups.push(undefined);
      return '(';
    }
    const rest = this.rest();
    const named = /^\?P?<([A-Za-z0-9_]+)>/.exec(rest);
    if (named) {
      if (/^\d/.test(named[1]!)) throw new Fail('unsupported', 'a capture group name that starts with a digit');
      this.i += named[0].length;
      this.groups.push(named[1]);
      return `(?<${named[1]}>`;
    }
    if (rest.startsWith('?:')) {
      this.i += 2;
      return '(?:';
    }
    if (/^\?(=|!|<=|<!)/.test(rest)) throw new Fail('error', 'lookaround assertions are not supported by RE2');
    if (/^\?-?[imsU]/.test(rest)) throw new Fail('unsupported', 'a flag change inside the pattern');
    throw new Fail('error', 'invalid or unsupported Perl syntax');
  }

  private escape(inClass: boolean): string {
    const c = this.chars[this.i++];
    if (c === undefined) throw new Fail('error', 'trailing backslash at end of expression');
    switch (c) {
      case 'Q': {
        let text = '';
        for (let j = this.i; j < this.chars.length; j++) {
          if (this.chars[j] === '\\' && this.chars[j + 1] === 'E') {
            this.i = j + 2;
            return text;
          }
          text += literal(this.chars[j]!, inClass);
        }
        this.i = this.chars.length;
        return text;
      }
      case 'A': case 'z':
        if (inClass) throw new Fail('error', `invalid escape \\${c} in a character class`);
        return c === 'A' ? '(?<![\\s\\S])' : '(?![\\s\\S])';
      case 'b': case 'B':
        if (inClass) throw new Fail('error', `invalid escape \\${c} in a character class`);
        return `\\${c}`;
      case 'd': case 'D': case 'w': case 'W': return `\\${c}`;
      case 's': return inClass ? RE2_SPACE : `[${RE2_SPACE}]`;
      case 'S': return inClass ? '\\S' : `[^${RE2_SPACE}]`;
      case 'p': case 'P': return this.unicodeClass(c === 'P');
      case 'x': return this.hexEscape();
      case 'a': return '\\x07';
      case 'f': case 't': case 'n': case 'r': case 'v': return `\\${c}`;
      case 'C': throw new Fail('unsupported', 'the \\C escape (any byte)');
      default:
        if (/[0-7]/.test(c) && (c === '0' || /[0-7]/.test(this.peek() ?? ''))) {
          let digits = c;
          while (digits.length < 3 && /[0-7]/.test(this.peek() ?? '')) digits += this.chars[this.i++];
          return `\\u{${parseInt(digits, 8).toString(16)}}`;
        }
        if (/[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/.test(c)) return literal(c, inClass);
        throw new Fail('error', `invalid escape sequence \\${c}`);
    }
  }

  private unicodeClass(negated: boolean): string {
    let name: string;
    if (this.peek() === '{') {
      const end = this.chars.indexOf('}', this.i);
      if (end < 0) throw new Fail('error', 'invalid character class range');
      name = this.chars.slice(this.i + 1, end).join('');
      this.i = end + 1;
    } else {
      name = this.chars[this.i++] ?? '';
    }
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    if (!/^[A-Za-z_]+$/.test(name)) throw new Fail('error', `invalid character class range \\p{${name}}`);
    return `\\${negated ? 'P' : 'p'}{${CATEGORIES.has(name) ? name : `Script=${name}`}}`;
  }

  private hexEscape(): string {
    if (this.peek() === '{') {
      const end = this.chars.indexOf('}', this.i);
      const hex = end < 0 ? '' : this.chars.slice(this.i + 1, end).join('');
      if (!/^[0-9A-Fa-f]{1,6}$/.test(hex) || parseInt(hex, 16) > 0x10ffff) throw new Fail('error', 'invalid escape sequence \\x');
      this.i = end + 1;
      return `\\u{${hex}}`;
    }
    const hex = this.chars.slice(this.i, this.i + 2).join('');
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) throw new Fail('error', 'invalid escape sequence \\x');
    this.i += 2;
    return `\\x${hex}`;
  }

  /** `[...]`: ranges, escapes and POSIX classes (`[:alpha:]`); a leading `]` is literal. */
  private charClass(): string {
    let out = '[';
    if (this.peek() === '^') {
      out += '^';
      this.i++;
    }
    let first = true;
    for (;;) {
      const c = this.chars[this.i];
      if (c === undefined) throw new Fail('error', 'missing closing ]');
      if (c === ']' && !first) {
        this.i++;
        return `${out}]`;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.rest());
      if (posix) {
        const set = POSIX[posix[2]!];
        if (set === undefined) throw new Fail('error', 'invalid character class range');
        if (posix[1]) throw new Fail('unsupported', 'a negated POSIX class inside a character class');
        out += set;
        this.i += posix[0].length;
        continue;
      }
      this.i++;
      if (c === '\\') out += this.escape(true);
      else if (c === '-' && this.peek() !== ']' && out !== '[' && out !== '[^') out += '-';
      else out += literal(c, true);
    }
  }
}

export function translateRe2(pattern: string): Translation {
  try {
    return new Translator(pattern).translate();
  } catch (e) {
    if (e instanceof Fail) return { kind: e.kind, reason: e.message };
    throw e;
  }
}
