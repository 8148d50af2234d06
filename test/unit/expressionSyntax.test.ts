// The parse layer's expressions against the HCL native syntax specification: operator
// precedence and associativity (the conditional is right-associative although the grammar
// reads it left-associative), splat step grouping, and template parts (directives, strip
// markers, heredoc indentation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HclParser } from '../../server/src/core/parse/parseFile';
import type { Expr, Step, TemplatePart } from '../../server/src/core/parse/ast';

let parser: Promise<HclParser> | undefined;
let files = 0;

/** The expression of `r = <source>`. */
async function parseExpr(source: string): Promise<Expr> {
  parser ??= HclParser.create();
  const file = (await parser).parse(`/m/expr${files++}.tf`, `locals {\n  r = ${source}\n}\n`);
  assert.deepEqual(file.syntaxErrors, [], `${source} parses`);
  return file.body.blocks[0]!.body.attributes[0]!.expr;
}

/** A fully parenthesised rendering: the tree's shape, not the source's. */
function shape(e: Expr): string {
  switch (e.kind) {
    case 'literal': return JSON.stringify(e.value);
    case 'variable': return e.name;
    case 'binary': return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'unary': return `(${e.op}${shape(e.operand)})`;
    case 'conditional': return `(${shape(e.cond)} ? ${shape(e.then)} : ${shape(e.else)})`;
    case 'parens': return `[${shape(e.inner)}]`;
    case 'traversal': return `${shape(e.base)}${steps(e.steps)}`;
    case 'call': return `${e.name}(${e.args.map(shape).join(', ')})`;
    case 'template': return `"${parts(e.parts)}"`;
    default: return e.kind;
  }
}

function steps(list: readonly Step[]): string {
  return list.map((s) => (s.kind === 'attr' ? `.${s.name}` : s.kind === 'index' ? `[${shape(s.key)}]` : `${s.full ? '[*]' : '.*'}{${steps(s.steps)}}`)).join('');
}

function parts(list: readonly TemplatePart[]): string {
  return list.map((p) => {
    if (p.kind === 'text') return `<${p.text}>`;
    if (p.kind === 'interpolation') return `\${${shape(p.expr)}}`;
    if (p.directive === 'if') return `%if(${shape(p.cond)}){${parts(p.then)}}else{${parts(p.else)}}`;
    return `%for(${p.keyVar ?? ''},${p.valueVar} in ${shape(p.collection)}){${parts(p.body)}}`;
  }).join('');
}

const cases: [string, string][] = [
  // The conditional is right-associative, several levels deep, with operators in its parts.
  ['true ? 1 : false ? 2 : 3', '(true ? 1 : (false ? 2 : 3))'],
  ['a ? 1 : b ? 2 : c ? 3 : 4', '(a ? 1 : (b ? 2 : (c ? 3 : 4)))'],
  ['a ? b ? 1 : 2 : 3', '(a ? (b ? 1 : 2) : 3)'],
  ['a ? 1 : b ? c ? 2 : 3 : 4', '(a ? 1 : (b ? (c ? 2 : 3) : 4))'],
  ['x == 1 ? "a" : x == 2 ? "b" : "c"', '((x == 1) ? "a" : ((x == 2) ? "b" : "c"))'],
  ['a ? 1 : b || c ? 2 : 3', '(a ? 1 : ((b || c) ? 2 : 3))'],
  ['a ? 1 : b ? 2 : 3 + 1', '(a ? 1 : (b ? 2 : (3 + 1)))'],
  ['(a ? 1 : b) ? 2 : 3', '([(a ? 1 : b)] ? 2 : 3)'],
  ['var.single_nat_gateway ? 1 : var.one_nat_gateway_per_az ? length(var.azs) : local.max_subnet_length',
    '(var.single_nat_gateway ? 1 : (var.one_nat_gateway_per_az ? length(var.azs) : local.max_subnet_length))'],
  ['f(a ? 1 : b ? 2 : 3)', 'f((a ? 1 : (b ? 2 : 3)))'],
  ['"${a ? 1 : b ? 2 : 3}"', '"${(a ? 1 : (b ? 2 : 3))}"'],
  // Binary precedence: * / % > + - > comparisons > equality > && > ||; unary above all.
  ['1 + 2 * 3', '(1 + (2 * 3))'],
  ['1 - 2 - 3', '((1 - 2) - 3)'],
  ['8 / 4 * 2', '((8 / 4) * 2)'],
  ['2 * 3 % 4 / 5', '(((2 * 3) % 4) / 5)'],
  ['a || b && c', '(a || (b && c))'],
  ['1 + 2 < 3 * 4 == 5 > 6 && a || b', '(((((1 + 2) < (3 * 4)) == (5 > 6)) && a) || b)'],
  ['a == b == c', '((a == b) == c)'],
  ['-a.b + 1', '((-a.b) + 1)'],
  ['!a.b && c', '((!a.b) && c)'],
  ['-x[0].y * 2', '((-x[0].y) * 2)'],
  ['- 1 - 2', '((-1) - 2)'],
  ['!!a', '(!(!a))'],
  ['-(1 + 2)', '(-[(1 + 2)])'],
  ['(a).b + 1', '([a].b + 1)'],
  ['f(1)[0] + g(x).y * 2', '(f(1)[0] + (g(x).y * 2))'],
  ['a[1 + 2] * 2', '(a[(1 + 2)] * 2)'],
  ['a || b ? c || d : e && f', '((a || b) ? (c || d) : (e && f))'],
  ['1 + (a ? 2 : 3)', '(1 + [(a ? 2 : 3)])'],
  // Splats: [*] takes every later step, nested splats included; .* takes only attributes.
  ['x[*].a[0].b', 'x[*]{.a[0].b}'],
  ['x[*].a[*].b', 'x[*]{.a[*]{.b}}'],
  ['x.*.a.b[0].c', 'x.*{.a.b}[0].c'],
  ['x.*.a.0.b', 'x.*{.a[0].b}'],
  ['aws_subnet.private[*].id', 'aws_subnet.private[*]{.id}'],
];

for (const [source, expected] of cases) {
  test(`parses ${source}`, async () => {
    assert.equal(shape(await parseExpr(source)), expected);
  });
}

const templates: [string, string][] = [
  // Whitespace next to interpolations is literal text.
  ['"a ${x} b"', '"<a >${x}< b>"'],
  ['"${x}"', '"${x}"'],
  // Strip markers trim the neighbouring literal; an emptied literal stays (no unwrapping).
  ['" ${~x~} "', '"<>${x}<>"'],
  ['"a ${~ x ~} b"', '"<a>${x}<b>"'],
  ['"%{ if c ~} yes %{~ else ~} no %{ endif }!"', '"%if(c){<yes>}else{<no >}<!>"'],
  ['"%{ for k, v in m }${k}=${v},%{ endfor }"', '"%for(k,v in m){${k}<=>${v}<,>}"'],
  ['"%{ for v in l }${v}%{ endfor }"', '"%for(,v in l){${v}}"'],
  ['"x $${a} %%{b} ${c}"', '"<x ${a} %{b} >${c}"'],
  ['"%{ if a }x%{ if b }y%{ endif }%{ endif }"', '"%if(a){<x>%if(b){<y>}else{}}else{}"'],
];

for (const [source, expected] of templates) {
  test(`template ${source}`, async () => {
    assert.equal(shape(await parseExpr(source)), expected);
  });
}

test('heredocs: lines as written, <<- removes the common indentation of line-leading literals', async () => {
  assert.equal(shape(await parseExpr('<<EOT\n  a ${x}\n b\nEOT')), '"<  a >${x}<\n b\n>"');
  assert.equal(shape(await parseExpr('<<-EOT\n    a\n      b\n\n    c\n  EOT')), '"<a\n  b\n\nc\n>"');
  // A line that starts with an interpolation's indentation counts like any other line.
  assert.equal(shape(await parseExpr('<<-EOT\n  ${x}\n      b\n  EOT')), '"<>${x}<\n    b\n>"');
  // Strip markers in a heredoc trim only the literal on their own line (hclsyntax scans per line).
  assert.equal(shape(await parseExpr('<<EOT\n%{ for ip in ips ~}\nserver ${ip}\n%{ endfor ~}\nEOT')), '"%for(,ip in ips){<server >${ip}<\n>}<>"');
  // No backslash escapes in heredocs.
  assert.equal(shape(await parseExpr('<<EOT\na\\nb\nEOT')), '"<a\\nb\n>"');
});

test('an unbalanced directive does not parse into a template', async () => {
  parser ??= HclParser.create();
  const file = (await parser).parse('/m/unbalanced.tf', 'locals {\n  r = "%{ if a }x"\n}\n');
  const expr = file.body.blocks[0]?.body.attributes[0]?.expr;
  assert.notEqual(expr?.kind, 'template');
});
