// Code actions: the quick fixes of the findings under the cursor, "Suppress VPCE… here", and
// "fix all" for the module, as a quickfix per rule family (VPCE1xx, VPCE2xx) and as
// `source.fixAll.vpceLens` (editor.codeActionsOnSave). Everything comes from the analysis.
import { dirname } from 'node:path';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { suppressionFix } from '../core/fixes/suppress';
import { fixableInBulk, fixAll } from '../core/rules/fixAll';
import type { Finding, Position, Range, TextEdit } from '../core/types';
import { DiskModuleFiles } from '../diskFiles';
import { findingsOf } from '../analysisService';
import { URI } from '../uri';
import type { FeatureContext } from './context';
import { guarded } from './guarded';
import type { Feature } from './feature';
import { toDiagnostic } from './lspTypes';

const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.vpceLens`;

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
/** Touching counts: a cursor at either end of a finding is on it. */
const overlaps = (a: Range, b: Range) => !before(a.end, b.start) && !before(b.end, a.start);
const sameRange = (a: Range, b: Range) => !before(a.start, b.start) && !before(b.start, a.start) && !before(a.end, b.end) && !before(b.end, a.end);
const family = (rule: string) => `${rule.slice(0, 5)}xx`;

function workspaceEdit(edits: readonly TextEdit[]): WorkspaceEdit {
  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  for (const edit of edits) (changes[URI.fromPath(edit.file)] ??= []).push({ range: edit.range, newText: edit.newText });
  return { changes };
}

function codeActionsFor(params: CodeActionParams, path: string, findings: readonly Finding[], textOf: (file: string) => string | undefined): CodeAction[] {
  const wants = (kind: string) => !params.context.only || params.context.only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const dir = dirname(path);
  const inModule = findings.filter((f) => dirname(f.file) === dir && !f.suppressed);
  const diagnosticOf = (f: Finding): Diagnostic =>
    params.context.diagnostics.find((d) => d.code === f.rule && sameRange(d.range, f.range)) ?? toDiagnostic(f);
  const actions: CodeAction[] = [];
  const here = inModule.filter((f) => f.file === path && overlaps(f.range, params.range));
  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of here) {
      const diagnostics = [diagnosticOf(finding)];
      finding.fixes.forEach((fix, i) => actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: i === 0, edit: workspaceEdit(fix.edits) }));
      const text = textOf(finding.file);
      const suppress = text === undefined ? undefined : suppressionFix(finding, text);
      if (suppress && suppress.edits.length > 0) actions.push({ title: suppress.title, kind: CodeActionKind.QuickFix, diagnostics, edit: workspaceEdit(suppress.edits) });
    }
    for (const id of new Set(here.filter(fixableInBulk).map((f) => family(f.rule)))) {
      const members = inModule.filter((f) => family(f.rule) === id);
      const composed = fixAll(members, textOf);
      if (composed.applied.length < 2) continue;
      actions.push({
        title: `Fix all ${id} problems in this module (${composed.applied.length})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: here.filter((f) => family(f.rule) === id).map(diagnosticOf),
        edit: workspaceEdit(composed.edits),
      });
    }
  }
  // Only when asked for (on save, or the Source Action menu), as ESLint does.
  if (params.context.only && wants(FIX_ALL_KIND)) {
    const composed = fixAll(inModule, textOf);
    if (composed.edits.length > 0) actions.push({ title: `Fix all vpce-lens problems in this module (${composed.applied.length})`, kind: FIX_ALL_KIND, edit: workspaceEdit(composed.edits) });
  }
  return actions;
}

export const codeActionsFeature: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } },
  register(ctx: FeatureContext) {
    ctx.connection.onCodeAction((params, token) =>
      guarded<CodeAction[]>(ctx, 'code actions', [], async () => {
        const path = URI.toPath(params.textDocument.uri);
        if (!path) return [];
        // The same view of files as the analysis (open buffers over the disk), read afresh per
        // request: a reader kept across requests would serve stale text of closed files.
        const files = new DiskModuleFiles(ctx.documents);
        const textOf = (file: string): string | undefined => files.read(file)?.text;
        // The findings the diagnostics show: a called module's are its callers'.
        return codeActionsFor(params, path, findingsOf(await ctx.analyses.analyze(dirname(path), token)), textOf);
      }),
    );
  },
};
