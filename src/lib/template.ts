/**
 * The proposal template, filled in: the one function behind `npm run new` and the "Start a
 * proposal for <component>" buttons. Pure string work on the template's text, so it runs in Node
 * and in the browser alike; it keeps the template's comments and body exactly as they are.
 */
import type { Component } from './vocabulary/components.ts';

export interface TemplateFields {
  title?: string;
  /** The component's id. */
  component?: string;
  /** Usually `componentModules(component)`. */
  modules?: readonly string[];
  author?: string;
  /** `YYYY-MM-DD`: created, updated, and the change log's first entry. */
  date?: string;
}

/** The top-level apache/kafka modules a component's main classes live in, such as `storage` or `core`. */
export function componentModules(component: Component): string[] {
  return [...new Set(component.classes.map((c) => c.path.split('/')[0]!))];
}

/**
 * A YAML double-quoted string. JSON's string syntax is a subset of YAML's double-quoted style, so
 * quotes, backslashes, `#`, `: ` and control characters (a newline becomes `\n`) all come back
 * unchanged; the value always stays on its line, so it cannot end the frontmatter or add a field.
 */
const yamlString = (value: string) => JSON.stringify(value);

/** Replaces the value of a top-level frontmatter field, keeping any trailing comment. */
function setField(frontmatter: string, field: string, value: string): string {
  const pattern = new RegExp(`^(${field}:[ \\t]*)(?:"(?:[^"\\\\]|\\\\.)*"|\\[[^\\]\\n]*\\]|[^#\\n]*?)([ \\t]*(?:#.*)?)$`, 'm');
  if (!pattern.test(frontmatter)) throw new Error(`The template has no "${field}:" field to fill.`);
  return frontmatter.replace(pattern, (_, key: string, comment: string) => `${key}${value}${comment}`);
}

export function fillTemplate(template: string, fields: TemplateFields): string {
  const match = /^(---\r?\n)([\s\S]*?\r?\n)(---\r?\n)/.exec(template);
  if (!match) throw new Error('The template has no frontmatter.');
  let frontmatter = match[2]!;
  let body = template.slice(match[0].length);
  if (fields.title !== undefined) frontmatter = setField(frontmatter, 'title', yamlString(fields.title));
  if (fields.component !== undefined) frontmatter = setField(frontmatter, 'component', fields.component);
  if (fields.modules !== undefined) frontmatter = setField(frontmatter, 'modules', `[${fields.modules.map(yamlString).join(', ')}]`);
  if (fields.author !== undefined) {
    frontmatter = frontmatter.replace(/^(\s+- name:[ \t]*)"\{\{name\}\}"/m, (_, key: string) => `${key}${yamlString(fields.author!)}`);
  }
  if (fields.date !== undefined) {
    frontmatter = setField(setField(frontmatter, 'created', fields.date), 'updated', fields.date);
    body = body.replace(/^(\s*-\s*)\{\{YYYY-MM-DD\}\}/m, (_, bullet: string) => `${bullet}${fields.date}`);
  }
  return `${match[1]}${frontmatter}${match[3]}${body}`;
}

/**
 * A file-name slug from a title: ASCII words in lower case, joined by hyphens; empty for a title
 * without any. It is cut at a word boundary to at most `maxLength` characters; only a first word
 * longer than that on its own is cut inside the word.
 */
export function slugify(title: string, maxLength = 60): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) {
      if (!slug) slug = word.slice(0, maxLength);
      break;
    }
    slug = next;
  }
  return slug;
}

/** The file name `npm run new` gives a proposal created on `date` (YYYY-MM-DD) with this slug. */
export function newProposalFileName(date: string, slug: string): string {
  return `${date}-${slug}.md`;
}
