// Text as Terraform counts it: "characters" are Unicode grapheme clusters (length, substr,
// strrev, format widths), strings sort by code point (Go compares UTF-8 bytes, which orders
// the same), and case mapping works character by character.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemes(s: string): string[] {
  return Array.from(segmenter.segment(s), (part) => part.segment);
}

/** Code point order (JavaScript's `<` compares UTF-16 units, which differs above U+FFFF). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * Maps each code point on its own, as Go's strings.ToUpper/ToLower/Title do: no context rules
 * (final sigma) and no expansions (ß stays ß in upper case).
 */
export function mapCodePoints(s: string, f: (c: string) => string): string {
  return Array.from(s, (c) => {
    const mapped = f(c);
    return [...mapped].length === 1 ? mapped : c;
  }).join('');
}
