// A rule is a small object in the rule table: an ID and a pure function from the analysed
// module to findings. Severity and suppression are applied by run.ts, not by rules.
import type { ModuleAnalysis } from '../analyzer';
import type { Fix, Range, Severity } from '../types';

export interface RuleFinding {
  file: string;
  range: Range;
  message: string;
  address?: string;
  fixes?: Fix[];
  /** Overrides the rule's default severity for this finding (e.g. error for ecr.dkr). */
  severity?: Severity;
}

export interface Rule {
  id: string;
  run(analysis: ModuleAnalysis): RuleFinding[];
}
