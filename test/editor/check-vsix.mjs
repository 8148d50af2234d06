#!/usr/bin/env node
// Checks a packaged VSIX: it holds only what runs (dist bundles and wasm, grammars, snippets,
// language configuration, README, LICENSE, package.json) and every file the manifest points at.
//   node test/editor/check-vsix.mjs [file.vsix]   (default: <name>-<version>.vsix in the repo)
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { repoRoot } from './launch-common.mjs';

export function defaultVsixPath() {
  const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  return join(repoRoot, `${name}-${version}.vsix`);
}

/** Unix modes of the entries that record one (made on Unix: the high half of the external attributes). */
const modes = new Map();

/** Entries of a zip file by name (reads the central directory; stored or deflated data). */
function readZip(path) {
  const zip = readFileSync(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${path} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: bad central directory`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt8(at + 5) === 3) modes.set(name, zip.readUInt32LE(at + 38) >>> 16);
    entries.set(name, () => {
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      return method === 0 ? data : inflateRawSync(data);
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/(readme\.md|README\.md)$/,
  /^extension\/(LICENSE|LICENSE\.txt)$/,
  /^extension\/language-configuration\.json$/,
  /^extension\/dist\/(client|server|cli|parseWorker)\.js$/,
  /^extension\/dist\/[\w-]+\.wasm$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/snippets\/[\w.-]+\.json$/,
];
const REQUIRED = [
  'extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cli.js', 'extension/dist/parseWorker.js',
  'extension/dist/tree-sitter.wasm', 'extension/dist/tree-sitter-terraform.wasm', 'extension/language-configuration.json',
];

export function checkVsix(path) {
  const entries = readZip(path);
  const problems = [];
  for (const name of entries.keys()) {
    if (!ALLOWED.some((pattern) => pattern.test(name))) problems.push(`unexpected file ${name}`);
  }
  for (const name of REQUIRED) if (!entries.has(name)) problems.push(`missing ${name}`);
  if (![...entries.keys()].some((n) => /^extension\/readme\.md$/i.test(n))) problems.push('missing README');
  if (![...entries.keys()].some((n) => /^extension\/LICENSE/.test(n))) problems.push('missing LICENSE');
  // The bins keep the mode the build gave them (package.json "bin": they run as commands).
  for (const bin of ['extension/dist/cli.js', 'extension/dist/server.js']) {
    const mode = modes.get(bin);
    if (entries.has(bin) && mode !== undefined && (mode & 0o111) !== 0o111) problems.push(`${bin} is not executable (mode ${(mode & 0o777).toString(8)})`);
  }

  // Every file the manifest points at must be in the package.
  const manifest = entries.has('extension/package.json') ? JSON.parse(entries.get('extension/package.json')().toString('utf8')) : {};
  const contributes = manifest.contributes ?? {};
  const pointed = [
    manifest.main,
    ...(contributes.languages ?? []).map((l) => l.configuration),
    ...(contributes.grammars ?? []).map((g) => g.path),
    ...(contributes.snippets ?? []).map((s) => s.path),
  ].filter(Boolean);
  for (const file of pointed) {
    const name = posix.join('extension', posix.normalize(file));
    if (!entries.has(name)) problems.push(`package.json points at ${file}, which is not in the VSIX`);
  }
  return { files: entries.size, problems };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? defaultVsixPath();
  const { files, problems } = checkVsix(path);
  for (const problem of problems) console.log(`check-vsix: ${problem}`);
  console.log(`check-vsix: ${path.replace(repoRoot + '/', '')}: ${files} files, ${problems.length === 0 ? 'only what runs' : `${problems.length} problems`}`);
  process.exit(problems.length === 0 ? 0 : 1);
}
