// vpceLens.* settings taking effect in the real editor: each test changes a setting at
// workspace level (the workspace's .vscode/settings.json, as a user would in the Settings UI),
// waits for the server to follow, and restores the setting (withWorkspaceSettings), checking
// that the editor goes back to what it showed before.
import * as vscode from 'vscode';
import type { EditorTest } from './harness';
import {
  DEADLINE, assert, codeLenses, describeDiagnostics, hoverText, inlayHints, openFixture, positionOf, vpceDiagnostics, waitFor,
  waitForDiagnostics, waitForNoDiagnostics, withWorkspaceSettings,
} from './helpers';

const ENDPOINTS = 'endpoints/main.tf';
const SSM_HEADER = 'resource "aws_vpc_endpoint" "ssm"';

function isVpceLens(lens: vscode.CodeLens): boolean {
  return lens.command?.command.startsWith('vpceLens.') === true || /\$[\d.,]+/.test(lens.command?.title ?? '');
}

async function vpceLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await codeLenses(uri)).filter(isVpceLens);
}

function describeLenses(lenses: readonly vscode.CodeLens[]): string {
  return lenses.length === 0 ? 'no lenses' : lenses.map((l) => `${l.range.start.line + 1}: ${l.command?.title}`).join(' | ');
}

export const settingsEditorTests: EditorTest[] = [
  {
    name: 'vpceLens.rules turns VPCE106 off and VPCE203 into an error; restoring brings them back',
    smoke: true,
    async run() {
      const document = await openFixture(ENDPOINTS);
      const line = positionOf(document, SSM_HEADER).line;
      await waitForDiagnostics(document.uri, 'VPCE106', DEADLINE.firstResult);
      await waitForDiagnostics(document.uri, 'VPCE203', DEADLINE.firstResult);
      const is203 = (severity: vscode.DiagnosticSeverity) => () =>
        vpceDiagnostics(document.uri, 'VPCE203').some((d) => d.range.start.line === line && d.severity === severity);

      await withWorkspaceSettings({ rules: { VPCE106: 'off', VPCE203: 'error' } }, async () => {
        await waitForNoDiagnostics(document.uri, 'VPCE106', DEADLINE.update);
        await waitFor(is203(vscode.DiagnosticSeverity.Error), DEADLINE.update, 'VPCE203 as an Error',
          () => describeDiagnostics(document.uri));
      });
      await waitForDiagnostics(document.uri, 'VPCE106', DEADLINE.update);
      await waitFor(is203(vscode.DiagnosticSeverity.Warning), DEADLINE.update, 'VPCE203 as a Warning again',
        () => describeDiagnostics(document.uri));
    },
  },
  {
    name: 'vpceLens.codeLens.enabled = false takes the cost lenses away; true brings them back',
    async run() {
      const document = await openFixture(ENDPOINTS);
      let seen: vscode.CodeLens[] = [];
      const lensesAre = (present: boolean) => async () => {
        seen = await vpceLenses(document.uri);
        return present ? seen.length > 0 : seen.length === 0;
      };
      await waitFor(lensesAre(true), DEADLINE.firstResult, 'the cost lenses', () => describeLenses(seen));
      await withWorkspaceSettings({ 'codeLens.enabled': false }, async () => {
        await waitFor(lensesAre(false), DEADLINE.update, 'no vpce-lens lenses', () => describeLenses(seen));
      });
      await waitFor(lensesAre(true), DEADLINE.update, 'the cost lenses again', () => describeLenses(seen));
    },
  },
  {
    name: 'vpceLens.costDisplay = "hint" shows the costs as inlay hints at the end of the block line instead of lenses; restoring brings the lenses back',
    async run() {
      const document = await openFixture(ENDPOINTS);
      const line = positionOf(document, SSM_HEADER).line;
      let lenses: vscode.CodeLens[] = [];
      let hints: Awaited<ReturnType<typeof inlayHints>> = [];
      const shown = async () => {
        [lenses, hints] = await Promise.all([vpceLenses(document.uri), inlayHints(document.uri)]);
        return { lenses: lenses.length, hints: hints.filter((h) => /\/mo/.test(h.label)).length };
      };
      const describe = () => `${describeLenses(lenses)}; hints: ${hints.map((h) => `${h.line + 1}:${h.character + 1} ${h.label}`).join(' | ') || 'none'}`;
      await waitFor(async () => { const s = await shown(); return s.lenses > 0 && s.hints === 0; }, DEADLINE.firstResult, 'lenses and no hints (the default)', describe);
      await withWorkspaceSettings({ costDisplay: 'hint' }, async () => {
        await waitFor(async () => { const s = await shown(); return s.lenses === 0 && s.hints > 0; }, DEADLINE.update, 'hints and no lenses', describe);
        const ssm = hints.find((h) => h.line === line);
        assert(ssm && ssm.label.startsWith('$16.06/mo'), `no $16.06/mo hint on line ${line + 1}: ${describe()}`);
        assert(ssm.character === document.lineAt(line).text.length, `the hint is at character ${ssm.character}, not at the end of line ${line + 1}`);
      });
      await waitFor(async () => { const s = await shown(); return s.lenses > 0 && s.hints === 0; }, DEADLINE.update, 'the lenses back, no hints', describe);
    },
  },
  {
    name: 'vpceLens.region sets the region of a module without a provider region (the hover says so)',
    async run() {
      const document = await openFixture('no-region/main.tf');
      const at = positionOf(document, 'resource "aws_vpc_endpoint" "sts"', 1);
      let seen = '';
      const hoverShows = (...parts: string[]) => async () => {
        seen = await hoverText(document.uri, at);
        return parts.every((p) => seen.includes(p));
      };
      await waitFor(hoverShows('us-east-1', '$14.60'), DEADLINE.firstResult, 'a hover in us-east-1 (no region anywhere)', () => seen);
      await withWorkspaceSettings({ region: 'ap-southeast-2' }, async () => {
        await waitFor(hoverShows('ap-southeast-2', 'vpceLens.region', '$18.98'), DEADLINE.update,
          'the hover to use the vpceLens.region setting', () => seen);
        assert(!seen.includes('$14.60'), `the hover still shows the us-east-1 price: ${seen}`);
      });
      await waitFor(hoverShows('us-east-1', '$14.60'), DEADLINE.update, 'the hover back in us-east-1', () => seen);
    },
  },
];
