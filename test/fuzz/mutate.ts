// Deterministic mutations of Terraform text: truncation, brace and quote damage, random
// bytes, duplicated and deleted lines, swapped fragments.
export type Random = () => number;

export function seeded(seed: number): Random {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const at = (random: Random, text: string) => Math.floor(random() * (text.length + 1));

const MUTATIONS: ((text: string, random: Random) => string)[] = [
  (t, r) => t.slice(0, at(r, t)),
  (t, r) => {
    const i = t.indexOf(pick(r, ['{', '}', '[', ']', '(', ')']), at(r, t));
    return i < 0 ? t : t.slice(0, i) + t.slice(i + 1);
  },
  (t, r) => {
    const i = at(r, t);
    return t.slice(0, i) + pick(r, ['{', '}', '"', '[', ']', '${', '%{', '<<EOT\n', '=', '.', '*', '#', '/*', '\\']) + t.slice(i);
  },
  (t, r) => {
    const i = t.indexOf('"', at(r, t));
    return i < 0 ? t : t.slice(0, i) + t.slice(i + 1);
  },
  (t, r) => {
    const i = at(r, t);
    const bytes = Array.from({ length: 1 + Math.floor(r() * 8) }, () => String.fromCharCode(Math.floor(r() * 0x3000)));
    return t.slice(0, i) + bytes.join('') + t.slice(i);
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = Math.floor(r() * lines.length);
    lines.splice(i, 0, ...lines.slice(i, i + 1 + Math.floor(r() * 4)));
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    lines.splice(Math.floor(r() * lines.length), 1 + Math.floor(r() * 3));
    return lines.join('\n');
  },
  (t, r) => {
    const a = at(r, t);
    const b = at(r, t);
    const [from, to] = a < b ? [a, b] : [b, a];
    return t.slice(0, from) + t.slice(to, to + (to - from)) + t.slice(from, to) + t.slice(to + (to - from));
  },
  (t) => t.replace(/\n/g, '\r\n'),
];

/** One to three mutations applied to `text`. */
export function mutate(text: string, random: Random): string {
  let out = text;
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) out = pick(random, MUTATIONS)(out, random);
  return out;
}
