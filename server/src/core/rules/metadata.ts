import ruleData from './data/rules.json';
import type { Severity } from '../types';

export interface RuleMetadata {
  id: string;
  defaultSeverity: Severity;
  title: string;
  help: string;
  /** false when the rule's fix is a guess or a deletion: "fix all" leaves it to the user. */
  fixAll?: boolean;
}

const RULE_DATA = ruleData.rules as Record<string, Omit<RuleMetadata, 'id'>>;

export function ruleMetadata(id: string): RuleMetadata | undefined {
  const data = RULE_DATA[id];
  return data ? { id, ...data } : undefined;
}

export function allRuleMetadata(): RuleMetadata[] {
  return Object.keys(RULE_DATA).sort().map((id) => ({ id, ...RULE_DATA[id]! }));
}
