// The cost hints (VPCE301-302), in ID order, for the rule table.
import type { Rule } from '../rule';
import { endpointsCostMoreThanNat, natRemovable } from './natHints';

export const COST_HINT_RULES: readonly Rule[] = [natRemovable, endpointsCostMoreThanNat];
