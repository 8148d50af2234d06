// The rule table: every rule the analysis runs, in ID order.
import type { Rule } from './rule';
import { syntaxErrorRule } from './syntaxErrors';

export const RULES: readonly Rule[] = [syntaxErrorRule];
