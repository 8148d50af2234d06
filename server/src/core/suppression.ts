// The suppression directive, `# vpce-lens:ignore VPCE201 VPCE203` (no IDs: every rule), read in
// one place: rules/run.ts marks findings it covers, fixes/suppress.ts writes or extends one.
const DIRECTIVE = /vpce-lens:ignore\b([^\n]*)/;
const RULE_ID = /^VPCE\d{3}$/;

/** What a comment (its text, or a line holding it) suppresses: the rule IDs it lists, 'all' when it lists none, undefined when it is no directive. */
export function suppressedRules(comment: string): readonly string[] | 'all' | undefined {
  const match = DIRECTIVE.exec(comment.replace(/\r$/, ''));
  if (!match) return undefined;
  const ids = match[1]!.split(/[\s,]+/).filter((s) => RULE_ID.test(s));
  return ids.length === 0 ? 'all' : ids;
}

/** Whether a comment line suppresses `rule`. */
export function suppresses(comment: string, rule: string): boolean {
  const rules = suppressedRules(comment);
  return rules === 'all' || (rules !== undefined && rules.includes(rule));
}

/** The directive for one rule, as a comment line's text (without indentation or line ending). */
export function directiveFor(rule: string): string {
  return `# vpce-lens:ignore ${rule}`;
}
