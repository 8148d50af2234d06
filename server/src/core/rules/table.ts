// The rule table: every rule the analysis runs, in ID order.
import type { Rule } from './rule';
import { syntaxErrorRule } from './syntaxErrors';
import { ENDPOINT_RULES } from './endpoint/index';
import { MISSING_ENDPOINT_RULES } from './missing/index';
import { COST_HINT_RULES } from './cost/index';

export const RULES: readonly Rule[] = [syntaxErrorRule, ...ENDPOINT_RULES, ...MISSING_ENDPOINT_RULES, ...COST_HINT_RULES];
