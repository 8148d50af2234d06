// A JSON file named by a flag (--price-overrides, --base-json): its parsed value, or the message
// for stderr when it cannot be read or is not JSON.
import { resolve } from 'node:path';
import { DiskModuleFiles } from '../diskFiles';

export function readJsonFile(flag: string, path: string): { json: unknown } | string {
  const source = new DiskModuleFiles().read(resolve(path));
  if (!source) return `${flag} ${path} cannot be read`;
  try {
    return { json: JSON.parse(source.text) };
  } catch (error) {
    return `${flag} ${path} is not valid JSON (${(error as Error).message})`;
  }
}
