// Terraform version constraints (`~> 5.0`, `>= 4.0, < 6`, `5.40.0`), read well enough to answer
// one question: can a version of some major release or later satisfy them? Terraform selects
// one provider version for the whole configuration, so several constraints (from several
// modules) count together, as one list of terms that must all hold.
//
// Semantics as Terraform's: `~> 5.1` is `>= 5.1, < 6.0`, `~> 5.1.2` is `>= 5.1.2, < 5.2.0`,
// `~> 5` is `>= 5, < 6`; no operator means `=`; missing parts are zero; a range selects release
// versions only, a pre-release (`6.0.0-beta1`) only when a term names it.

export interface Version {
  parts: [number, number, number];
  /** The pre-release identifiers (`beta1` -> ['beta1']), empty for a release. */
  pre: string[];
}

type Operator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~>';

export interface ConstraintTerm {
  op: Operator;
  version: Version;
  /** How many numeric parts were written (`~> 5.1` -> 2): decides what `~>` lets grow. */
  written: number;
}

const TERM = /^(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** The terms of a constraint string; undefined when any part of it cannot be read. */
export function parseConstraint(text: string): ConstraintTerm[] | undefined {
  const terms: ConstraintTerm[] = [];
  for (const piece of text.split(',')) {
    const match = TERM.exec(piece.trim());
    if (!match) return undefined;
    const numbers = [match[2], match[3], match[4]].filter((n): n is string => n !== undefined);
    const version: Version = {
      parts: [Number(match[2]), Number(match[3] ?? 0), Number(match[4] ?? 0)],
      pre: match[5] ? match[5].split('.') : [],
    };
    terms.push({ op: (match[1] ?? '=') as Operator, version, written: numbers.length });
  }
  return terms.length > 0 ? terms : undefined;
}

/** Semantic-version order: numbers, then a pre-release before its release, identifiers compared as semver says. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.parts[i] !== b.parts[i]) return a.parts[i]! - b.parts[i]!;
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
  for (let i = 0; i < Math.min(a.pre.length, b.pre.length); i++) {
    const [x, y] = [a.pre[i]!, b.pre[i]!];
    if (x === y) continue;
    const [xNumeric, yNumeric] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (xNumeric && yNumeric) return Number(x) - Number(y);
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.pre.length - b.pre.length;
}

function satisfies(version: Version, term: ConstraintTerm): boolean {
  const order = compareVersions(version, term.version);
  switch (term.op) {
    case '=': return order === 0;
    case '!=': return order !== 0;
    case '>': return order > 0;
    case '>=': return order >= 0;
    case '<': return order < 0;
    case '<=': return order <= 0;
    case '~>': return order >= 0 && compareVersions(version, pessimisticLimit(term)) < 0;
  }
}

/** The first version `~>` excludes: the part before the last written one grows (`~> 5` grows the major). */
function pessimisticLimit(term: ConstraintTerm): Version {
  const [major, minor] = term.version.parts;
  if (term.written <= 2) return { parts: [major + 1, 0, 0], pre: [] };
  return { parts: [major, minor + 1, 0], pre: [] };
}

const release = (parts: [number, number, number]): Version => ({ parts, pre: [] });

/**
 * Whether some version of major release `major` or later satisfies every term. Candidates are
 * the first release at or above each lower edge (and `major`.0.0), the release after each
 * excluded one, and any pre-release a term names: a version that satisfies all terms exists
 * only if one of these does.
 */
export function admitsMajorFrom(terms: readonly ConstraintTerm[], major: number): boolean {
  const floor = release([major, 0, 0]);
  const candidates: Version[] = [floor];
  for (const { version } of terms) {
    const [a, b, c] = version.parts;
    candidates.push(version.pre.length > 0 ? release([a, b, c]) : version, release([a, b, c + 1]));
  }
  return candidates.some((v) => compareVersions(v, floor) >= 0 && terms.every((term) => satisfies(v, term)))
    // A pre-release is selected only when a term names it (`= 6.0.0-beta1`, `>= 6.0.0-beta1`).
    || terms.some(({ version }) => version.pre.length > 0 && version.parts[0] >= major && terms.every((term) => satisfies(version, term)));
}
