// A rule is a small object in the rule table: an ID and a pure function from the analysed
// module to findings. Severity and suppression are applied by run.ts, not by rules.
import type { ModuleAnalysis } from '../analysis';
import type { Fix, Range, Severity } from '../types';

export interface RuleFinding {
  file: string;
  range: Range;
  message: string;
  address?: string;
  /**
   * The fixes, or a function that builds them when first asked for: every finding becomes a
   * diagnostic on each keystroke, but few are ever fixed (see `later`).
   */
  fixes?: Fix[] | (() => Fix[]);
  /** Overrides the rule's default severity for this finding (e.g. error for ecr.dkr). */
  severity?: Severity;
}

/** A fix built only when asked for (code action, fix-all, the CLI's output); none when it cannot be built. */
export function later(build: () => Fix | undefined): () => Fix[] {
  return () => {
    const fix = build();
    return fix ? [fix] : [];
  };
}

export interface Rule {
  id: string;
  run(analysis: ModuleAnalysis): RuleFinding[];
}
