// `vpce-lens check --format sarif`: SARIF 2.1.0 for code-scanning uploads (docs/cli.md). Rules
// come from rules.json with their help and default level; results carry 1-based regions (SARIF
// counts from 1, the core from 0), a stable fingerprint, quick fixes as SARIF fixes, and
// findings suppressed in the source as `inSource` suppressions.
import { createHash } from 'node:crypto';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRuleMetadata, type RuleMetadata } from '../core/rules/metadata';
import type { Finding, Range, Severity, SeveritySetting, TextEdit } from '../core/types';
import type * as Sarif from 'sarif';
import { groupBy } from '../core/collections';
import { directiveFor } from '../core/suppression';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = 'SRCROOT';
const FINGERPRINT = 'vpceLens/v1';

type Level = Sarif.ReportingConfiguration.level;

const LEVELS: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifOptions {
  version: string;
  /** Paths are written relative to this directory (the current one). */
  root: string;
  /** `--rule` overrides, reported as rule configuration overrides. */
  ruleSettings?: Record<string, SeveritySetting>;
}

export function checkSarif(findings: readonly Finding[], options: SarifOptions): Sarif.Log {
  const rules = allRuleMetadata();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const location = (file: string) => artifactLocation(file, options.root);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'vpce-lens', version: options.version, semanticVersion: options.version,
          rules: rules.map(sarifRule),
        },
      },
      invocations: [{ executionSuccessful: true, ruleConfigurationOverrides: overrides(options.ruleSettings ?? {}, index) }],
      originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(options.root).href.replace(/\/?$/, '/')}` } },
      columnKind: 'utf16CodeUnits',
      results: findings.map((f) => sarifResult(f, index.get(f.rule) ?? -1, location)),
    }],
  };
}

function sarifRule(rule: RuleMetadata): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.help },
    help: { text: rule.help, markdown: `**${rule.id}: ${rule.title}**\n\n${rule.help}` },
    defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
    properties: { tags: ['terraform', 'aws', 'vpc-endpoint', category(rule.id)] },
  };
}

function category(id: string): string {
  if (id.startsWith('VPCE1')) return 'correctness';
  if (id.startsWith('VPCE2')) return 'missing-endpoint';
  if (id.startsWith('VPCE3')) return 'cost';
  return 'input';
}

function overrides(settings: Record<string, SeveritySetting>, index: Map<string, number>): Sarif.ConfigurationOverride[] {
  return Object.entries(settings)
    .filter(([id]) => index.has(id))
    .map(([id, setting]) => ({
      descriptor: { id, index: index.get(id)! },
      configuration: setting === 'off' ? { enabled: false } : { enabled: true, level: LEVELS[setting] },
    }));
}

function sarifResult(finding: Finding, ruleIndex: number, location: (file: string) => Sarif.ArtifactLocation): Sarif.Result {
  const artifact = location(finding.file);
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{
      physicalLocation: { artifactLocation: artifact, region: sarifRegion(finding.range, false) },
      ...(finding.address ? { logicalLocations: [{ fullyQualifiedName: finding.address, kind: 'resource' }] } : {}),
    }],
    partialFingerprints: { [FINGERPRINT]: fingerprint(finding, artifact.uri) },
    ...(finding.fixes.length > 0 ? { fixes: finding.fixes.map((fix) => ({ description: { text: fix.title }, artifactChanges: artifactChanges(fix.edits, location) })) } : {}),
    // An empty list says "not suppressed"; an absent one would say "unknown".
    suppressions: finding.suppressed ? [{ kind: 'inSource', justification: directiveFor(finding.rule) }] : [],
    properties: { severity: finding.severity },
  };
}

/**
 * A 0-based, end-exclusive range as a 1-based SARIF region. A result's empty range is a point
 * (no end); a replacement's empty range is an insertion point (end equal to start).
 */
function sarifRegion(range: Range, keepEmpty: boolean): Sarif.Region {
  const region: Sarif.Region = { startLine: range.start.line + 1, startColumn: range.start.character + 1 };
  const empty = range.start.line === range.end.line && range.start.character === range.end.character;
  if (empty && !keepEmpty) return region;
  return { ...region, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function artifactChanges(edits: readonly TextEdit[], location: (file: string) => Sarif.ArtifactLocation): Sarif.ArtifactChange[] {
  const byFile = groupBy(edits, (edit) => edit.file);
  return [...byFile].map(([file, fileEdits]) => ({
    artifactLocation: location(file),
    replacements: fileEdits.map((e) => ({ deletedRegion: sarifRegion(e.range, true), insertedContent: { text: e.newText } })),
  }));
}

/** Relative to the root (under SRCROOT) when inside it; an absolute file URI otherwise. */
function artifactLocation(file: string, root: string): Sarif.ArtifactLocation {
  const path = relative(root, file);
  if (path === '' || path.startsWith('..') || /^[a-zA-Z]:/.test(path)) return { uri: pathToFileURL(file).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/**
 * Stable across edits elsewhere in the file: the rule, the file, and what the finding is about
 * (its resource address, else its line), with the message's figures left out so that a price
 * update does not make every finding look new.
 */
function fingerprint(finding: Finding, uri: string | undefined): string {
  const subject = finding.address ?? `line ${finding.range.start.line}`;
  const message = finding.message.replace(/[$\d.,]+/g, '#');
  return createHash('sha256').update([finding.rule, uri ?? '', subject, message].join('\0')).digest('hex').slice(0, 32);
}
