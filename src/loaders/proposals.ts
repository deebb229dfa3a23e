/**
 * The proposals collection's loader. It reads the folder through the one reader that `npm run check`
 * uses (src/lib/reader/), so the build and the check cannot disagree; any error in any file stops the
 * build with every finding listed as `file:line id message`, and nothing is published from a
 * catalogue with an error.
 *
 * Bodies are rendered as Markdown by Astro's own pipeline, never compiled as modules (an MDX proposal
 * arrives here already turned into Markdown by the content policy), then sanitised with the policy's
 * allow-list. Each entry stores what the pages need, analysis and completeness included, so no page
 * parses a proposal again.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ProposalReading } from '../lib/catalogue.ts';
import { PROPOSALS_DIR } from '../lib/proposal-files.ts';
import { formatFinding } from '../lib/reader/findings.ts';
import { readProposalFolder } from '../lib/reader/read-folder.ts';
import { sanitizeHtml } from '../lib/reader/sanitize.ts';

export class ProposalCatalogueError extends Error {
  constructor(lines: readonly string[]) {
    super(`The proposal catalogue has ${lines.length} error(s); every proposal must appear on the site or stop the build (npm run check lists the same):\n${lines.join('\n')}`);
    this.name = 'ProposalCatalogueError';
  }
}

export function proposalsLoader(folder: string = PROPOSALS_DIR): Loader {
  return {
    name: 'proposals-loader',
    load: async (context) => {
      await syncProposals(context, folder);
      const { watcher, logger, config } = context;
      if (!watcher) return;
      const folderPath = fileURLToPath(new URL(folder, config.root));
      watcher.add(folderPath);
      const onChange = async (changed: string) => {
        if (relative(folderPath, changed).startsWith('..')) return;
        try {
          await syncProposals(context, folder);
          logger.info(`Reloaded the proposals after a change to ${relative(fileURLToPath(config.root), changed)}`);
        } catch (error) {
          logger.error((error as Error).message);
        }
      };
      for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
    },
  };
}

/** Reads the whole folder and replaces the collection's entries with it, or throws every finding. */
export async function syncProposals({ store, config, renderMarkdown, generateDigest }: Pick<LoaderContext, 'store' | 'config' | 'renderMarkdown' | 'generateDigest'>, folder: string): Promise<void> {
  const root = fileURLToPath(config.root);
  const { proposals, findings } = readProposalFolder(fileURLToPath(new URL(folder, config.root)), root);
  if (findings.length > 0) throw new ProposalCatalogueError(findings.map(formatFinding));

  const entries = await Promise.all(
    proposals.map(async (proposal) => {
      // readProposalFolder reported any proposal without valid data or renderable Markdown above.
      const rendered = await renderMarkdown(proposal.markdown!).catch((error: Error) => {
        throw new ProposalCatalogueError([`${proposal.file}:${proposal.bodyStartLine} file could not be rendered: ${error.message}`]);
      });
      const data: ProposalReading = { file: proposal.file, frontmatter: proposal.data!, problem: proposal.problem, completeness: proposal.completeness };
      return {
        id: proposal.id,
        data: data as unknown as Record<string, unknown>,
        body: proposal.body,
        filePath: proposal.file,
        digest: generateDigest(proposal.body + JSON.stringify(data)),
        rendered: { ...rendered, html: sanitizeHtml(rendered.html) },
      };
    }),
  );
  store.clear();
  for (const entry of entries) store.set(entry);
}

