// core/completion's document trees (syntax.ts, CompletionTrees): a document's text is parsed
// incrementally from its last completion's tree (closing quotes carried along while their line
// is unchanged), and the first time from an earlier tree of it, as the server does with the
// analysis's. Keystroke by keystroke, the reading must be what a parse of the whole text gives,
// through strings left open and closed again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionTrees, completionsAt } from '../../server/src/core/completion/index';
import { readingOf } from '../../server/src/core/completion/scan';
import { withSyntax, type CompletionSyntax } from '../../server/src/core/completion/syntax';
import { createTerraformParser } from '../../server/src/core/parse/grammar';
import { LineIndex } from '../../server/src/core/text';
import { analyzeModule } from '../helpers/memoryModule';

const BLOCKS = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type = "Gateway"
}

locals {
  interface_endpoints = ["ssm"]
}

resource "aws_vpc_endpoint" "interface" {
  for_each          = toset(local.interface_endpoints)
  vpc_id            = "vpc-1"
  service_name      = "com.amazonaws.eu-west-1.\${each.key}"
  vpc_endpoint_type = "Interface"
}
`;

/** The place at the cursor and every block of the file with its arguments. */
const reading = (syntax: CompletionSyntax) => {
  const read = readingOf(syntax);
  return JSON.stringify({ cursor: read.cursor, blocks: read.fileBlocks() });
};

/**
 * Types `typed` at `at` one character at a time; at each keystroke both ways of reading must
 * agree, and once all is typed the reading must be `expected` (both could be wrong alike).
 */
function typeAndCompare(trees: CompletionTrees, key: string, base: string, at: number, typed: string, expected: RegExp): void {
  let incremental: string | undefined;
  for (let k = 1; k <= typed.length; k++) {
    const text = base.slice(0, at) + typed.slice(0, k) + base.slice(at);
    incremental = trees.read(key, text, at + k, reading);
    assert.equal(incremental, withSyntax(text, at + k, reading), `after typing ${JSON.stringify(typed.slice(0, k))}`);
  }
  assert.match(incremental ?? '', expected, `after typing ${JSON.stringify(typed)}`);
}

/** The reading of a cursor in a string of the `interface_endpoints` list, typed so far `before`. */
const inListString = (before: string) => new RegExp(`^\\{"cursor":\\{"kind":"value",.*"attribute":"interface_endpoints","containers":\\[\\{"open":"\\[".*"string":\\{"content":.*,"before":"${before}","after":"[^"]*","closed":false\\}`);

test('typing with the document\'s trees reads, keystroke by keystroke, what a parse of the whole text reads', async () => {
  const trees = new CompletionTrees(2);
  await createTerraformParser();
  try {
    const inS3 = BLOCKS.indexOf('  vpc_endpoint_type = "Gateway"');
    // A new argument whose string is left open, then closed, then another argument below it.
    typeAndCompare(trees, 'main.tf', BLOCKS, inS3, '  policy = "x"\n  service_name = "com.amazonaws.eu-west-1.dyn"\n  tags = {',
      /^\{"cursor":\{"kind":"value",.*"attribute":"tags","containers":\[\{"open":"\{"/);
    // A list element in another document, then back in the first one at another place.
    const inList = BLOCKS.indexOf('"ssm"') + '"ssm"'.length;
    typeAndCompare(trees, 'other.tf', BLOCKS, inList, ', "ssmm", "ec2', inListString('ec2'));
    typeAndCompare(trees, 'main.tf', BLOCKS, BLOCKS.indexOf('\n  for_each'), '\n  dns', /^\{"cursor":\{"kind":"argument",.*"restOfLine":"","indent":"  "\}/);
    // A third document evicts the oldest tree; the next read of that one starts afresh.
    typeAndCompare(trees, 'third.tf', BLOCKS, inList, ', "k', inListString('k'));
    typeAndCompare(trees, 'other.tf', BLOCKS, inList, ', "ec2m', inListString('ec2m'));
  } finally {
    trees.clear();
  }
});

test('completionsAt with the document\'s trees offers what it offers on the whole text', async () => {
  const trees = new CompletionTrees();
  const analysis = await analyzeModule(BLOCKS);
  const at = BLOCKS.indexOf('"ssm"') + '"ssm"'.length;
  try {
    // Typed so far, and where the cursor is in it.
    for (const [typed, cursor] of [[', "', 3], [', "ss', 5], [', "ssmm"', 7]] as const) {
      const text = BLOCKS.slice(0, at) + typed + BLOCKS.slice(at);
      const position = new LineIndex(text).positionAt(at + cursor);
      const seen = (items: ReturnType<typeof completionsAt>) => items.map((i) => `${i.label} ${i.newText} ${JSON.stringify(i.range)}`);
      const incremental = completionsAt({ analysis, text, position, document: { trees, key: 'main.tf' } });
      assert.ok(incremental.length > 0, typed);
      assert.deepEqual(seen(incremental), seen(completionsAt({ analysis, text, position })), typed);
    }
  } finally {
    trees.clear();
  }
});
