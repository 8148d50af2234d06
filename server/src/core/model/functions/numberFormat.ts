// Numbers written the way Go writes big.Float values (%e %f %g, and %v's shortest %g):
// digits from the exact binary value, rounded half to even, Go's exponent and padding rules.

/** x = 0.<digits> × 10^exp, digits without trailing zeros ('' for zero). */
interface Decimal {
  digits: string;
  exp: number;
}

/** The exact decimal expansion of a finite double. */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', exp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(x));
  const bits = view.getBigUint64(0);
  const biased = Number(bits >> 52n);
  const fraction = bits & ((1n << 52n) - 1n);
  let mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  let exp2 = (biased === 0 ? 1 : biased) - 1075;
  // mantissa × 2^exp2: make it an integer over a power of ten.
  let scale = 0;
  if (exp2 > 0) {
    mantissa <<= BigInt(exp2);
    exp2 = 0;
  } else {
    mantissa *= 5n ** BigInt(-exp2); // m / 2^k = m·5^k / 10^k
    scale = -exp2;
  }
  const text = mantissa.toString();
  const digits = text.replace(/0+$/, '');
  return { digits, exp: text.length - scale };
}

/** The shortest digits that read back as the same double (JavaScript's own choice). */
function shortestDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', exp: 0 };
  const [mantissa, exponent] = Math.abs(x).toExponential().split('e');
  const digits = mantissa!.replace('.', '').replace(/0+$/, '');
  return { digits, exp: Number(exponent) + 1 };
}

/** Rounds to n significant digits, half to even on the exact value (Go's decimal.round). */
function round(d: Decimal, n: number): Decimal {
  if (n < 0 || n >= d.digits.length) return d;
  const next = d.digits[n]!;
  const halfway = next === '5' && n + 1 === d.digits.length;
  const up = halfway ? n > 0 && Number(d.digits[n - 1]) % 2 === 1 : next >= '5';
  if (!up) {
    const digits = d.digits.slice(0, n).replace(/0+$/, '');
    return { digits, exp: digits === '' ? 0 : d.exp };
  }
  let digits = d.digits.slice(0, n);
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') i--;
  if (i < 0) return { digits: '1', exp: d.exp + 1 };
  digits = digits.slice(0, i) + String(Number(digits[i]) + 1);
  return { digits, exp: d.exp };
}

const digitAt = (d: Decimal, i: number): string => (i >= 0 && i < d.digits.length ? d.digits[i]! : '0');

function fmtE(d: Decimal, prec: number, letter: 'e' | 'E'): string {
  let out = d.digits[0] ?? '0';
  if (prec > 0) out += `.${d.digits.slice(1, prec + 1).padEnd(prec, '0')}`;
  const exp = d.digits.length > 0 ? d.exp - 1 : 0;
  return `${out}${letter}${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

function fmtF(d: Decimal, prec: number): string {
  let out = d.exp > 0 ? Array.from({ length: d.exp }, (_, i) => digitAt(d, i)).join('') : '0';
  if (prec > 0) out += `.${Array.from({ length: prec }, (_, i) => digitAt(d, d.exp + i)).join('')}`;
  return out;
}

/** |x| in %e/%E/%f/%g/%G with a precision (undefined: Go's default, shortest for %g). */
export function formatFloatDigits(x: number, verb: string, precision: number | undefined): string {
  if (!Number.isFinite(x)) return 'Inf';
  const lower = verb.toLowerCase();
  const letter = verb === 'E' || verb === 'G' ? 'E' : 'e';
  const shortest = lower === 'g' && precision === undefined;
  let prec = precision ?? 6;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(x);
    prec = d.digits.length;
  } else {
    d = exactDecimal(x);
    if (lower === 'e') d = round(d, 1 + prec);
    else if (lower === 'f') d = round(d, d.exp + prec);
    else d = round(d, (prec = prec === 0 ? 1 : prec));
  }
  if (lower === 'e') return fmtE(d, prec, letter);
  if (lower === 'f') return fmtF(d, prec);
  let eprec = prec;
  if (eprec > d.digits.length && d.digits.length >= d.exp) eprec = d.digits.length;
  if (shortest) eprec = 6;
  const exp = d.exp - 1;
  if (exp < -4 || exp >= eprec) return fmtE(d, Math.min(prec, d.digits.length) - 1, letter);
  return fmtF(d, Math.max((prec > d.exp ? d.digits.length : prec) - d.exp, 0));
}

/** Go's %v of a number (big.Float Text('g', -1)): shortest digits, an exponent from 1e+06 on. */
export function formatShortest(x: number): string {
  return (x < 0 ? '-' : '') + formatFloatDigits(Math.abs(x), 'g', undefined);
}
