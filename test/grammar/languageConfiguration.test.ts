// language-configuration.json: VS Code reads these regexes with JavaScript's RegExp, so check them
// here against the Terraform they are meant for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './textmate';

interface LanguageConfiguration {
  comments: { lineComment: string; blockComment: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  folding: { markers: { start: string; end: string } };
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  wordPattern: string;
}

const config = JSON.parse(readFileSync(path.join(repoRoot, 'language-configuration.json'), 'utf8')) as LanguageConfiguration;

test('comments and bracket pairs', () => {
  assert.equal(config.comments.lineComment, '#');
  assert.deepEqual(config.comments.blockComment, ['/*', '*/']);
  assert.deepEqual(config.brackets, [['{', '}'], ['[', ']'], ['(', ')']]);
  const quote = config.autoClosingPairs.find((pair) => pair.open === '"');
  assert.deepEqual(quote?.notIn, ['string', 'comment']);
  for (const [open, close] of config.brackets) {
    assert.ok(config.autoClosingPairs.some((pair) => pair.open === open && pair.close === close), `${open} auto-closes`);
    assert.ok(config.surroundingPairs.some(([o, c]) => o === open && c === close), `${open} surrounds`);
  }
});

test('wordPattern takes identifiers and dotted references whole', () => {
  const words = (text: string) => text.match(new RegExp(config.wordPattern, 'g'));
  assert.deepEqual(words('vpc_id = aws_vpc.main.id'), ['vpc_id', 'aws_vpc.main.id']);
  assert.deepEqual(words('data.aws_region.current.region'), ['data.aws_region.current.region']);
  assert.deepEqual(words('aws_subnet.private[*].id'), ['aws_subnet.private', 'id']);
  assert.deepEqual(words('aws_subnet.private.0.id'), ['aws_subnet.private.0.id']);
  assert.deepEqual(words('"com.amazonaws.us-east-1.ecr.dkr"'), ['com.amazonaws.us-east-1.ecr.dkr']);
  assert.deepEqual(words('count.index + 1.5e3'), ['count.index', '1.5e3']);
  assert.deepEqual(words('"${each.key}"'), ['each.key']);
});

test('indentation grows after an opening bracket and shrinks on a closing one', () => {
  const increase = new RegExp(config.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
  for (const line of ['resource "aws_vpc_endpoint" "s3" {', '  tags = {', '  subnet_ids = [', '  value = merge(', '  lifecycle { # why', 'locals { /* note */']) {
    assert.ok(increase.test(line), `indent after: ${line}`);
  }
  for (const line of ['  tags = {}', '  name = "{"', '  # comment {', '  // comment {', '  x = [1, 2]']) {
    assert.ok(!increase.test(line), `no indent after: ${line}`);
  }
  for (const line of ['}', '  ]', '  })', ')']) assert.ok(decrease.test(line), `outdent: ${line}`);
  assert.ok(!decrease.test('  x = {}'));
});

test('folding markers', () => {
  const start = new RegExp(config.folding.markers.start);
  const end = new RegExp(config.folding.markers.end);
  assert.ok(start.test('# region endpoints') && start.test('  //region'));
  assert.ok(end.test('# endregion') && end.test('// endregion'));
  assert.ok(!start.test('region = "eu-west-1"') && !start.test('# regional endpoints'));
});
