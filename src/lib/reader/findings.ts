/**
 * What the reader says about a file: one located error, `file:line id message`, the same shape as
 * the completeness findings, so that `npm run check`, the build and the browser checker print it alike.
 */

export interface Finding {
  /** The path shown in messages, relative to the repository root. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /**
   * What the error is about: a frontmatter field, dotted (`authors.0.name`); `frontmatter` for the
   * block itself (unreadable YAML); `file` for the file (its name, its place); `body` for content.
   */
  field: string;
  /**
   * A stable id, like a rule id: `frontmatter.<field>`, `frontmatter`, `file`, or a content policy
   * rule (`content.html`, `content.url`, `content.mdx`).
   */
  id: string;
  message: string;
}

export function frontmatterFinding(file: string, line: number, field: string, message: string): Finding {
  return { file, line, field, id: field === 'frontmatter' ? 'frontmatter' : `frontmatter.${field}`, message };
}

export function fileFinding(file: string, message: string): Finding {
  return { file, line: 1, field: 'file', id: 'file', message };
}

/** `file:line id message`. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line} ${f.id} ${f.message}`;
}

export function byFileAndLine(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line;
}
