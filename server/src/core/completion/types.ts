// Completion results in core terms; features/completion.ts turns them into LSP items.
import type { Range } from '../types';

export type CompletionKind =
  /** An AWS endpoint service name (or short name in a list). */
  | 'service'
  /** The PrivateLink `com.amazonaws.vpce.<region>.vpce-svc-` start. */
  | 'privatelink'
  | 'endpointType'
  /** An argument written `name = value`. */
  | 'argument'
  /** A nested block argument written `name { … }`. */
  | 'block';

export interface CompletionCandidate {
  label: string;
  kind: CompletionKind;
  /** One line shown beside the item: the full service name, the type's gist. */
  detail: string;
  /** Short, shown inline in the list: the monthly price. */
  price?: string;
  /** Markdown. */
  documentation: string;
  /** The text that replaces `range`. */
  newText: string;
  /** The same edit with tab stops (`$1`, `${1|a,b|}`), for clients that take snippets. */
  snippet?: string;
  range: Range;
  /** What the typed text is matched against, when not the label. */
  filterText?: string;
  sortText: string;
  preselect?: boolean;
}
