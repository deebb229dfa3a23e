/**
 * Where proposals live and what a proposal's file name must be. The build's loader, `npm run check`
 * and `npm run new` all read these, so a file is a proposal everywhere or nowhere: any other file in
 * the folder is an error that stops the build, never skipped silently.
 */
import type { Localized } from './i18n/locales.ts';

export const PROPOSALS_DIR = './src/content/proposals';

export type ProposalKind = 'md' | 'mdx';

/** The longest id a proposal may have: it is a file name and a URL segment. */
export const MAX_ID_LENGTH = 100;

/**
 * Ids that are pages of the site under `/proposals/` (src/pages/[...locale]/proposals/): a proposal
 * named so would have the same address as the page, and one of the two would be lost.
 */
export const RESERVED_IDS: readonly string[] = ['completeness', 'dod', 'stale', 'table'];

/**
 * The file name is the id and the URL, `/proposals/<id>/`, as written: lower-case words of letters
 * and digits joined by single hyphens. Nothing is normalised, so two files can never share an id
 * through case or spaces; the only way two files meet is `x.md` beside `x.mdx`, which the folder
 * reader refuses.
 */
const PROPOSAL_FILE_NAME = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(md|mdx)$/;

/**
 * A proposal's id and kind, or why the name is wrong, in every interface language; `kind` is set
 * with an error when the file is still a proposal (`.md`/`.mdx`) to read and report on.
 */
export type FileNameReading = { id: string; kind: ProposalKind } | { error: Localized; kind?: ProposalKind };

/**
 * Judges a path relative to the proposals folder. Subfolders and dotfiles are refused: a proposal
 * is one file directly in the folder, so its id is its name and nothing else.
 */
export function readFileName(relativePath: string): FileNameReading {
  const path = relativePath.replace(/\\/g, '/');
  const extension = /\.(md|mdx)$/.exec(path)?.[1] as ProposalKind | undefined;
  if (extension === undefined) {
    return {
      error: {
        zh: '实际为非提案文件；提案目录中应只有 .md 或 .mdx 文件（重命名，或移出该目录）',
        en: 'found a file that is not a proposal; expected only .md or .mdx files in the proposals folder (rename it, or move it out)',
      },
    };
  }
  const slugName = `<yyyy-mm-dd>-<short-slug>.${extension}`;
  if (path.includes('/')) {
    return {
      kind: extension,
      error: {
        zh: `提案位于子目录中；每份提案都应直接放在 src/content/proposals/ 下（移到上一级，命名为 ${slugName}）`,
        en: `found a proposal in a subfolder; expected every proposal directly in src/content/proposals/ (move it up, named ${slugName})`,
      },
    };
  }
  if (path.startsWith('.')) {
    return {
      kind: extension,
      error: {
        zh: `实际为隐藏文件（文件名以 "." 开头）；提案应命名为 ${slugName}（重命名，或删除）`,
        en: `found a hidden file (its name starts with "."); expected proposals named ${slugName} (rename it, or remove it)`,
      },
    };
  }
  const match = PROPOSAL_FILE_NAME.exec(path);
  if (!match) {
    return {
      kind: extension,
      error: {
        zh: `实际为文件名 ${JSON.stringify(path)}；应只含小写字母、数字和单个连字符，如 2026-03-02-cleaner-buffer-reuse.md（文件名即提案的 id 和 URL）`,
        en: `found the file name ${JSON.stringify(path)}; expected lower-case letters, digits and single hyphens, such as 2026-03-02-cleaner-buffer-reuse.md (the name is the proposal's id and URL)`,
      },
    };
  }
  const id = match[1]!;
  if (id.length > MAX_ID_LENGTH) {
    return {
      kind: extension,
      error: {
        zh: `实际为 ${id.length} 个字符的文件名；扩展名之前应不超过 ${MAX_ID_LENGTH} 个字符`,
        en: `found a file name of ${id.length} characters; expected at most ${MAX_ID_LENGTH} before the extension`,
      },
    };
  }
  if (RESERVED_IDS.includes(id)) {
    return {
      kind: extension,
      error: {
        zh: `实际为文件名 ${JSON.stringify(path)}；/proposals/${id}/ 是本站自己的页面，提案应命名为 ${slugName}`,
        en: `found the file name ${JSON.stringify(path)}; /proposals/${id}/ is a page of the site, so expected a proposal named ${slugName}`,
      },
    };
  }
  return { id, kind: match[2] as ProposalKind };
}
