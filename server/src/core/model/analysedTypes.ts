// Which blocks the parser converts whole up front (see data/analysed-resource-types.json).
import type { EagerBodyPredicate } from '../parse/ast';
import analysed from './data/analysed-resource-types.json';

const PREFIXES: readonly string[] = analysed.prefixes;

export const convertEagerly: EagerBodyPredicate = (type, labels) => {
  if (type !== 'resource' && type !== 'data') return true;
  const resourceType = labels[0] ?? '';
  return PREFIXES.some((prefix) => resourceType.startsWith(prefix));
};
