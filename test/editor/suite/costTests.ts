// Cost features in the real editor: the hover over an interface endpoint, its code lens, and
// the Show Cost Report command opening a Markdown preview. The fixture prices an ssm endpoint
// in two subnets in eu-west-1: 2 AZ × $0.011 × 730 h = $16.06/month.
import * as vscode from 'vscode';
import type { EditorTest } from './harness';
import { DEADLINE, assert, codeLenses, hoverText, openFixture, positionOf, waitFor } from './helpers';

const MODULE = 'endpoints/main.tf';
const SSM_HEADER = 'resource "aws_vpc_endpoint" "ssm"';
const SSM_LENS = '$16.06/mo · Interface × 2 AZ';

function openTabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
}

export const costEditorTests: EditorTest[] = [
  {
    name: 'a hover over an interface endpoint shows its monthly cost, region and AZs',
    smoke: true,
    async run() {
      const document = await openFixture(MODULE);
      const at = positionOf(document, SSM_HEADER, 1);
      const text = await waitFor(async () => {
        const hover = await hoverText(document.uri, at);
        return hover.includes('$16.06') ? hover : undefined;
      }, DEADLINE.firstResult, 'a cost hover');
      assert(text.includes('eu-west-1') && text.includes('2 AZ'), `the hover lacks the region or the AZs: ${text}`);
    },
  },
  {
    name: 'a code lens above the endpoint shows its price and opens the cost report',
    async run() {
      const document = await openFixture(MODULE);
      const line = positionOf(document, SSM_HEADER).line;
      let seen = '';
      const lens = await waitFor(async () => {
        const lenses = await codeLenses(document.uri);
        seen = lenses.map((l) => `${l.range.start.line}: ${l.command?.title}`).join(' | ');
        return lenses.find((l) => l.range.start.line === line && l.command?.title === SSM_LENS);
      }, DEADLINE.firstResult, `the lens "${SSM_LENS}"`, () => seen);
      const command = lens.command;
      assert(command?.command === 'vpceLens.showCostReport', `the lens runs ${command?.command}`);
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      await waitFor(() => openTabLabels().some((label) => label.includes('cost-report.md')), DEADLINE.update,
        'a Markdown preview of the cost report', () => openTabLabels().join(' | '));
    },
  },
  {
    name: 'the server report command returns the module\'s Markdown report',
    async run() {
      const document = await openFixture(MODULE);
      const markdown = await waitFor(async () => {
        const result = await vscode.commands.executeCommand<unknown>('vpceLens.costReport', document.uri.toString()).then((r) => r, () => undefined);
        return typeof result === 'string' ? result : undefined;
      }, DEADLINE.firstResult, 'the cost report');
      assert(markdown.includes('aws_vpc_endpoint.ssm') && markdown.includes('$16.06'), `unexpected report: ${markdown.slice(0, 400)}`);
      assert(markdown.includes('NAT gateway or VPC endpoints? (eu-west-1)'), 'no NAT comparison in the report');
    },
  },
];
