// Markdown building blocks for hovers and the cost report: tables and escaped text.

export type Align = 'left' | 'right';

/** Text safe inside a Markdown table cell or a sentence (no stray pipes, emphasis, HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*{}[\]<>|]/g, (c) => `\\${c}`);
}

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${fence.length > 1 ? ' ' : ''}${text.replace(/\|/g, '\\|')}${fence.length > 1 ? ' ' : ''}${fence}`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = `|${align.map((a) => (a === 'right' ? ' --: ' : ' :-- ')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}
