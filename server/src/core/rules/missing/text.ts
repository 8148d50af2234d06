// Small wording helpers for findings.
import { serviceByShortName } from '../../services/catalogue';

/** `a`, `a and b`, `a, b and c`. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** `S3`, `DynamoDB`: the catalogue's description up to its first stop, without "Amazon"/"AWS". */
export function gatewayTitle(service: string): string {
  const description = serviceByShortName(service)?.description;
  return description ? description.split(/[.(]| - /)[0]!.replace(/^(Amazon|AWS) /, '').trim() : service;
}

/** `an S3 Gateway endpoint`, `a DynamoDB Gateway endpoint`. */
export function aGatewayEndpoint(service: string): string {
  const title = gatewayTitle(service);
  return `${/^[AEFHILMNORSX]/.test(title) ? 'an' : 'a'} ${title} Gateway endpoint`;
}

/** The text with a capital first letter, to start a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
