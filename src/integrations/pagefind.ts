import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';

/**
 * Builds the Pagefind search index into dist/pagefind/ once Astro has written the site. Any
 * Pagefind error fails the build: a site without its index is not a finished build.
 * Which pages are indexed is decided by the pages themselves (`data-pagefind-body`).
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'kafka-proposals:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const log = logger.fork('pagefind');
        const started = performance.now();
        const site = fileURLToPath(dir);
        try {
          const { index, errors: createErrors } = await createIndex({});
          if (!index) throw new Error(createErrors.join('\n'));
          const { page_count, errors: addErrors } = await index.addDirectory({ path: site });
          if (addErrors.length > 0) throw new Error(addErrors.join('\n'));
          const { errors: writeErrors } = await index.writeFiles({ outputPath: `${site}pagefind` });
          if (writeErrors.length > 0) throw new Error(writeErrors.join('\n'));
          log.info(`Indexed ${page_count} pages in ${Math.round(performance.now() - started)} ms.`);
        } catch (cause) {
          throw new Error('Failed to run Pagefind.', { cause });
        } finally {
          await close();
        }
      },
    },
  };
}
