// snippets/terraform.json: every snippet expands, with its defaults and with each of its choices, to
// Terraform that tree-sitter parses without ERROR or MISSING nodes; prefixes, descriptions and tab
// stops follow the house rules; service names in choices are real endpoint services.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serviceByShortName } from '../../server/src/core/services/catalogue';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../grammar/textmate';
import { syntaxProblems } from '../grammar/hclSyntax';

interface Snippet {
  prefix: string | string[];
  description?: string;
  body: string | string[];
}

const snippets = JSON.parse(readFileSync(path.join(repoRoot, 'snippets/terraform.json'), 'utf8')) as Record<string, Snippet>;
const bodyOf = (snippet: Snippet) => (Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body);

// ---- A small expander for the part of VS Code's snippet syntax the snippets may use ----

type SnippetPart =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; placeholder?: SnippetPart[]; choices?: string[] };

/** Parses $1, ${1}, ${1:default (may nest)}, ${1|a,b|}, $0 and the escapes \$ \} \\. Variables are refused. */
function parseSnippet(body: string): SnippetPart[] {
  let pos = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at offset ${pos}: ${JSON.stringify(body.slice(Math.max(0, pos - 20), pos + 20))}`);
  };

  const parseParts = (insidePlaceholder: boolean): SnippetPart[] => {
    const parts: SnippetPart[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ kind: 'text', text });
      text = '';
    };
    while (pos < body.length) {
      const ch = body[pos]!;
      if (ch === '\\' && '$}\\'.includes(body[pos + 1] ?? '')) {
        text += body[pos + 1];
        pos += 2;
      } else if (ch === '}' && insidePlaceholder) {
        break;
      } else if (ch === '$') {
        const simple = /^\$(\d+)/.exec(body.slice(pos));
        if (simple) {
          flush();
          parts.push({ kind: 'tabstop', index: Number(simple[1]) });
          pos += simple[0].length;
        } else if (/^\$\{\d/.test(body.slice(pos))) {
          flush();
          parts.push(parseBraced());
        } else if (/^\$\{?[A-Za-z_]/.test(body.slice(pos))) {
          fail('unescaped $ before a name (a snippet variable, or Terraform interpolation that needs \\$)');
        } else {
          text += ch;
          pos += 1;
        }
      } else {
        text += ch;
        pos += 1;
      }
    }
    flush();
    return parts;
  };

  const parseBraced = (): SnippetPart => {
    const head = /^\$\{(\d+)/.exec(body.slice(pos))!;
    const index = Number(head[1]);
    pos += head[0].length;
    if (body[pos] === '}') {
      pos += 1;
      return { kind: 'tabstop', index };
    }
    if (body[pos] === ':') {
      pos += 1;
      const placeholder = parseParts(true);
      if (body[pos] !== '}') fail(`unclosed placeholder \${${index}:`);
      pos += 1;
      return { kind: 'tabstop', index, placeholder };
    }
    if (body[pos] === '|') {
      pos += 1;
      const choices: string[] = [];
      let option = '';
      while (pos < body.length && !(body[pos] === '|' && body[pos + 1] === '}')) {
        if (body[pos] === '\\' && ',|\\$}'.includes(body[pos + 1] ?? '')) {
          option += body[pos + 1];
          pos += 2;
        } else if (body[pos] === ',') {
          choices.push(option);
          option = '';
          pos += 1;
        } else {
          option += body[pos];
          pos += 1;
        }
      }
      if (pos >= body.length) fail(`unclosed choice \${${index}|`);
      choices.push(option);
      pos += 2;
      return { kind: 'tabstop', index, choices };
    }
    return fail(`unexpected character after \${${index}`);
  };

  const parts = parseParts(false);
  if (pos !== body.length) fail('unbalanced }');
  return parts;
}

function* tabstops(parts: SnippetPart[]): Generator<Extract<SnippetPart, { kind: 'tabstop' }>> {
  for (const part of parts) {
    if (part.kind !== 'tabstop') continue;
    yield part;
    if (part.placeholder) yield* tabstops(part.placeholder);
  }
}

/** The text VS Code inserts when the user accepts every default (or the given choice per tab stop). */
function expand(body: string, choicePicks: Record<number, number> = {}): string {
  const parts = parseSnippet(body);
  const values = new Map<number, string>();
  const render = (list: SnippetPart[]): string =>
    list
      .map((part) => {
        if (part.kind === 'text') return part.text;
        if (!values.has(part.index)) {
          if (part.choices) values.set(part.index, part.choices[choicePicks[part.index] ?? 0]!);
          else if (part.placeholder) values.set(part.index, render(part.placeholder));
        }
        return values.get(part.index) ?? '';
      })
      .join('');
  return render(parts);
}

// ---- The expander itself ----

test('the expander handles the snippet syntax it claims to', () => {
  assert.equal(expand('a $1 ${2:two} ${3|x,y|} $0'), 'a  two x ');
  assert.equal(expand('${1:outer ${2:inner}} $2 $1'), 'outer inner inner outer inner');
  assert.equal(expand('"\\${var.x}" \\} \\\\'), '"${var.x}" } \\');
  assert.equal(expand('${1|a\\,b,c|}', { 1: 1 }), 'c');
  assert.equal(expand('${1|a\\,b,c|}'), 'a,b');
  assert.equal(expand('x = $ 5'), 'x = $ 5');
  assert.throws(() => expand('"${var.x}"'), /unescaped \$/);
  assert.throws(() => expand('$TM_FILENAME'), /unescaped \$/);
  assert.throws(() => expand('${1:open'), /unclosed placeholder/);
  assert.throws(() => expand('${1|a,b'), /unclosed choice/);
});

// ---- The snippets ----

test('snippets/terraform.json holds the endpoint snippets', () => {
  const prefixes = Object.values(snippets).map((s) => s.prefix);
  for (const expected of ['vpce-gateway', 'vpce-interface', 'vpce-interface-set', 'vpce-privatelink', 'vpce-gwlb', 'vpce-region', 'vpce-sg']) {
    assert.ok(prefixes.includes(expected), `missing snippet ${expected}`);
  }
});

test('every snippet has a unique prefix starting with vpce and a description', () => {
  const seen = new Set<string>();
  for (const [name, snippet] of Object.entries(snippets)) {
    const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
    assert.ok(prefixes.length > 0, `${name}: no prefix`);
    for (const prefix of prefixes) {
      assert.match(prefix, /^vpce[a-z-]*$/, `${name}: prefix ${prefix}`);
      assert.ok(!seen.has(prefix), `${name}: prefix ${prefix} used twice`);
      seen.add(prefix);
    }
    assert.ok(typeof snippet.description === 'string' && snippet.description.trim().length > 20, `${name}: needs a description`);
  }
});

for (const [name, snippet] of Object.entries(snippets)) {
  const body = bodyOf(snippet);

  test(`${snippet.prefix}: tab stops are numbered 1..n, each defined once, at its first use`, () => {
    const stops = [...tabstops(parseSnippet(body))];
    const numbers = [...new Set(stops.map((s) => s.index).filter((i) => i !== 0))].sort((a, b) => a - b);
    assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `${name}: tab stops ${numbers.join(',')}`);
    for (const index of numbers) {
      const uses = stops.filter((s) => s.index === index);
      const definitions = uses.filter((s) => s.placeholder !== undefined || s.choices !== undefined);
      assert.ok(definitions.length <= 1, `${name}: $${index} has ${definitions.length} defaults`);
      if (definitions.length === 1) assert.equal(uses[0], definitions[0], `${name}: $${index} is mirrored before its default`);
    }
    for (const choice of stops.filter((s) => s.choices)) {
      assert.ok(choice.choices!.length >= 2 && choice.choices!.every((c) => c.length > 0), `${name}: choice $${choice.index}`);
    }
    // Tab order follows the text: the first use of $n+1 comes after the first use of $n.
    const firstUse = numbers.map((index) => stops.findIndex((s) => s.index === index));
    assert.deepEqual(firstUse, [...firstUse].sort((a, b) => a - b), `${name}: tab stops out of reading order`);
  });

  test(`${snippet.prefix}: expands with its defaults to Terraform that parses cleanly`, async () => {
    const text = expand(body);
    assert.deepEqual(await syntaxProblems(text), [], `${name} expands to:\n${text}`);
    assert.ok(!/\$(?!\{)/.test(text), `${name}: a stray $ survives expansion:\n${text}`);
  });

  const choiceStops = [...tabstops(parseSnippet(body))].filter((s) => s.choices);
  if (choiceStops.length > 0) {
    test(`${snippet.prefix}: every choice expands to Terraform that parses cleanly`, async () => {
      for (const stop of choiceStops) {
        for (let pick = 0; pick < stop.choices!.length; pick++) {
          const text = expand(body, { [stop.index]: pick });
          assert.deepEqual(await syntaxProblems(text), [], `${name} with $${stop.index}=${stop.choices![pick]}:\n${text}`);
        }
      }
    });
  }
}

// ---- Service names against the service catalogue shipped with the server ----

/** Each literal AWS service a snippet can produce, with the endpoint type it is used as. */
function servicesUsed(text: string): { service: string; type: string }[] {
  const found: { service: string; type: string }[] = [];
  for (const block of text.split(/\n(?=resource )/)) {
    const type = /vpc_endpoint_type\s*=\s*"(\w+)"/.exec(block)?.[1] ?? '';
    const literal = /service_name\s*=\s*"com\.amazonaws\.\$\{[^}]*\}\.([a-z0-9.-]+)"/.exec(block);
    if (literal) found.push({ service: literal[1]!, type });
    const set = /for_each\s*=\s*toset\(local\.([\w-]+)\)/.exec(block);
    if (set) {
      const list = new RegExp(`\\b${set[1]}\\s*=\\s*\\[([^\\]]*)\\]`).exec(text);
      assert.ok(list, `locals list ${set[1]} not found`);
      for (const item of list[1]!.matchAll(/"([^"]+)"/g)) found.push({ service: item[1]!, type });
    }
  }
  return found;
}

test('service names offered by the snippets are endpoint services of the right type', () => {
  let checked = 0;
  for (const snippet of Object.values(snippets)) {
    const body = bodyOf(snippet);
    const picks: Record<number, number>[] = [{}];
    for (const stop of [...tabstops(parseSnippet(body))].filter((s) => s.choices)) {
      stop.choices!.forEach((_, pick) => picks.push({ [stop.index]: pick }));
    }
    for (const pick of picks) {
      for (const { service, type } of servicesUsed(expand(body, pick))) {
        const entry = serviceByShortName(service);
        assert.ok(entry, `${snippet.prefix}: ${service} is not in the shipped service catalogue`);
        if (type === 'Gateway') assert.equal(entry.gateway, true, `${snippet.prefix}: ${service} has no gateway endpoint`);
        if (type === 'Interface') assert.equal(entry.interface, true, `${snippet.prefix}: ${service} has no interface endpoint`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 10, `only ${checked} service names checked`);
});
