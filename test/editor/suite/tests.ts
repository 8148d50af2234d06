// The editor tests: what a user of vpce-lens sees in a real VS Code. One list, used by both
// launchers; `smoke` marks the subset that is also run against the installed VSIX.
// Feature tests live in files next to this one (costTests, authoringTests, diagnosticsTests,
// settingsTests) and are listed at the end.
import * as vscode from 'vscode';
import { authoringEditorTests } from './authoringTests';
import { compareEditorTests } from './compareTests';
import { costEditorTests } from './costTests';
import { diagnosticsEditorTests } from './diagnosticsTests';
import { EditorTest } from './harness';
import { settingsEditorTests } from './settingsTests';
import {
  DEADLINE, EXTENSION_ID, appendText, assert, describeDiagnostics, hoverText, openFixture, positionOf,
  replaceText, vpceDiagnostics, waitFor, waitForActivation, waitForDiagnostics, waitForNoDiagnostics,
} from './helpers';

const BROKEN_MODULE = 'syntax-error/main.tf';
const BROKEN_SIBLING = 'syntax-error/variables.tf';
const BROKEN_TEXT = '= = "Gateway"';
const FIXED_TEXT = '= "Gateway"';

export const editorTests: EditorTest[] = [
  {
    name: 'the extension activates on a Terraform file',
    smoke: true,
    async run() {
      assert(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not installed`);
      await openFixture('endpoints/main.tf');
      await waitForActivation(DEADLINE.firstResult);
    },
  },
  {
    name: '.tf files get the terraform language',
    smoke: true,
    async run() {
      const document = await openFixture('endpoints/main.tf');
      assert(document.languageId === 'terraform', `languageId is "${document.languageId}", expected "terraform"`);
      const languages = await vscode.languages.getLanguages();
      assert(languages.includes('terraform'), 'the terraform language is not registered');
    },
  },
  {
    name: 'OpenTofu .tofu files get the terraform language and cost hovers',
    smoke: true,
    async run() {
      const document = await openFixture('tofu/main.tofu');
      assert(document.languageId === 'terraform', `languageId is "${document.languageId}", expected "terraform"`);
      const at = positionOf(document, 'resource "aws_nat_gateway"', 1);
      let seen = '';
      await waitFor(async () => (seen = await hoverText(document.uri, at)).includes('$35.04'), DEADLINE.firstResult, 'a $35.04 NAT gateway hover', () => seen);
    },
  },
  {
    name: 'a syntax error gets a VPCE000 error at its line',
    smoke: true,
    async run() {
      const document = await openFixture(BROKEN_MODULE);
      const brokenLine = positionOf(document, BROKEN_TEXT).line;
      const found = await waitForDiagnostics(document.uri, 'VPCE000', DEADLINE.firstResult);
      const atLine = found.filter((d) => d.range.start.line === brokenLine);
      assert(atLine.length > 0,
        `no VPCE000 starts at line ${brokenLine + 1}; got ${describeDiagnostics(document.uri)}`);
      assert(atLine.every((d) => d.severity === vscode.DiagnosticSeverity.Error),
        `VPCE000 is not an Error: ${describeDiagnostics(document.uri)}`);
    },
  },
  {
    name: 'fixing the syntax error with a WorkspaceEdit clears VPCE000',
    smoke: true,
    async run() {
      const document = await openFixture(BROKEN_MODULE);
      await waitForDiagnostics(document.uri, 'VPCE000', DEADLINE.firstResult);
      await replaceText(document, BROKEN_TEXT, FIXED_TEXT);
      await waitForNoDiagnostics(document.uri, 'VPCE000', DEADLINE.update);
    },
  },
  {
    name: 're-analysing the module after a sibling edit keeps each file\'s own VPCE000',
    async run() {
      const main = await openFixture(BROKEN_MODULE);
      const sibling = await openFixture(BROKEN_SIBLING);
      await waitForDiagnostics(main.uri, 'VPCE000', DEADLINE.firstResult);
      const mainBefore = vpceDiagnostics(main.uri, 'VPCE000').length;

      // Break the sibling: it gets its own VPCE000, and main.tf keeps exactly its own.
      await appendText(sibling, '\nvariable "region" {\n  default = = "eu-west-1"\n}\n');
      const siblingBroken = positionOf(sibling, '= = "eu-west-1"').line;
      const siblingFound = await waitForDiagnostics(sibling.uri, 'VPCE000', DEADLINE.update);
      assert(siblingFound.some((d) => d.range.start.line === siblingBroken),
        `no VPCE000 at line ${siblingBroken + 1} of the sibling; got ${describeDiagnostics(sibling.uri)}`);
      assert(vpceDiagnostics(main.uri, 'VPCE000').length === mainBefore,
        `main.tf's VPCE000 changed after the sibling edit: ${describeDiagnostics(main.uri)}`);

      // Fix the sibling: its diagnostic goes, main.tf's stays.
      await replaceText(sibling, '= = "eu-west-1"', '= "eu-west-1"');
      await waitForNoDiagnostics(sibling.uri, 'VPCE000', DEADLINE.update);
      await waitFor(() => vpceDiagnostics(main.uri, 'VPCE000').length === mainBefore, DEADLINE.update,
        'main.tf to keep its VPCE000', () => describeDiagnostics(main.uri));
    },
  },
  ...costEditorTests,
  ...compareEditorTests,
  ...authoringEditorTests,
  ...diagnosticsEditorTests,
  ...settingsEditorTests,
];
