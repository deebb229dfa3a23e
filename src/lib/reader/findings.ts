/**
 * What the reader says about a file: one located error, `file:line id message`, the same shape as
 * the completeness findings, so that `npm run check`, the build and the browser checker print it alike.
 */
import type { Locale, Localized } from '../i18n/locales.ts';

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
  /**
   * What was found and what is expected, in every interface language. A plain object of strings:
   * findings are kept as JSON and cloned between worker threads.
   */
  message: Localized;
}

export function frontmatterFinding(file: string, line: number, field: string, message: Localized): Finding {
  return { file, line, field, id: field === 'frontmatter' ? 'frontmatter' : `frontmatter.${field}`, message };
}

export function fileFinding(file: string, message: Localized): Finding {
  return { file, line: 1, field: 'file', id: 'file', message };
}

/** `file:line id message`, in one language. */
export function formatFinding(f: Finding, locale: Locale): string {
  return `${f.file}:${f.line} ${f.id} ${f.message[locale]}`;
}

export function byFileAndLine(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line;
}
