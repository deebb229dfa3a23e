/** Builds proposal files in tests: valid frontmatter, with the fields a test changes. */
import { stringify } from 'yaml';

export const VALID_FIELDS: Record<string, unknown> = {
  title: 'Log cleaner: reuse the decompression buffer',
  component: 'compaction',
  modules: ['storage'],
  status: 'Draft',
  authors: [{ name: 'Example Author' }],
  created: '2026-03-02',
  updated: '2026-03-02',
  changes: { protocol: false, onDiskFormat: false, userVisible: false },
  lang: 'en',
};

export const VALID_BODY = '## 1) Summary (three things only)\n- **Problem**: The cleaner allocates a new buffer for every batch.\n';

/** The valid fields with `fields` over them, as YAML; a field set to undefined is left out. */
function fieldsYaml(fields: Record<string, unknown>): string {
  return stringify(Object.fromEntries(Object.entries({ ...VALID_FIELDS, ...fields }).filter(([, value]) => value !== undefined)));
}

/** A proposal file: `fields` over the valid ones, then the body. */
export function proposalSource(fields: Record<string, unknown> = {}, body: string = VALID_BODY): string {
  return `---\n${fieldsYaml(fields)}---\n${body}`;
}

/** The valid frontmatter block as text, to put a raw line of YAML after it. */
export function frontmatterWith(extraYaml: string, fields: Record<string, unknown> = {}, body: string = VALID_BODY): string {
  return `---\n${fieldsYaml(fields)}${extraYaml}\n---\n${body}`;
}
