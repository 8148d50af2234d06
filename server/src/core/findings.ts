// What makes two findings the same: one rule saying one thing at one place. Used to report a
// finding once when several module instances or several root modules make it.
import type { Finding } from './types';

export function findingPlaceKey(f: Pick<Finding, 'file' | 'range' | 'rule' | 'message'>): string {
  return `${f.file}:${f.range.start.line}:${f.range.start.character}:${f.rule}:${f.message}`;
}
