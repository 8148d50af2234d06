// Cold analysis of a 1,000-file workspace through the CLI's code path, in a child process so
// its peak RSS is its own. Prints one JSON line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moduleOfSize } from './workload';

export interface ColdWorkspace {
  files: number;
  modules: number;
  bytes: number;
  workspace1000FilesMs: number;
  peakRssMb: number;
}

const FILES_PER_MODULE = 10;

function writeWorkspace(root: string, files: number): number {
  let bytes = 0;
  for (let m = 0; m * FILES_PER_MODULE < files; m++) {
    const dir = join(root, `module-${String(m).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    const module = moduleOfSize(FILES_PER_MODULE * 3_000, m + 1);
    [...module].slice(0, FILES_PER_MODULE).forEach(([name, text]) => {
      writeFileSync(join(dir, name), text);
      bytes += text.length;
    });
  }
  return bytes;
}

export function coldWorkspace(files = 1000): ColdWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'vpce-lens-workspace-'));
  try {
    const bytes = writeWorkspace(root, files);
    const child = spawnSync(process.execPath, [join(__dirname, 'coldWorkspaceChild.js'), root], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`cold workspace run failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { ms: number; maxRssKb: number };
    return { files, modules: Math.ceil(files / FILES_PER_MODULE), bytes, workspace1000FilesMs: result.ms, peakRssMb: result.maxRssKb / 1024 };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
