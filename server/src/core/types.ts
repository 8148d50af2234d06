// Positions are 0-based lines and UTF-16 characters (the LSP convention), so that the server
// and the CLI report the same places without conversion.
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A place in a file: `file` is an absolute path. */
export interface Location {
  file: string;
  range: Range;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  file: string;
  range: Range;
  message: string;
  /** Terraform address of the resource the finding is about, when it is about one. */
  address?: string;
  fixes: Fix[];
  suppressed?: boolean;
}
