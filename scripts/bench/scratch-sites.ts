/**
 * The sites a benchmark run builds, laid out under .bench/: a copy of this site with synthetic
 * proposals in place of the real ones; a bare Astro site (one content collection, one page per
 * file, nothing else) that renders the very same Markdown files, as the baseline; and Starlight,
 * Astro's documentation theme, in its default configuration over the same files as its docs, as
 * the documentation site a team would otherwise reach for (its sidebar, table of contents and
 * Pagefind index included).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { PROPOSALS_DIR } from '../../src/lib/proposal-files.ts';
import type { SyntheticProposal } from './synthetic-proposals.ts';

/** What the site is built from; everything else in the repository stays out of the copy. */
const SITE_FILES = ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'public', 'scripts/index-search.ts'];

/** Build caches live in node_modules/ (Vite, Astro's content store): they must not be shared. */
const CACHE_ENTRIES = new Set(['.astro', '.vite', '.vite-temp', '.cache']);

/**
 * node_modules for a scratch site: a real folder of links to each package of the project. A
 * link to the whole folder would share the build caches inside it between the copy, the bare site
 * and the project itself, so builds would be neither cold nor independent.
 */
function linkNodeModules(projectRoot: string, siteRoot: string) {
  const target = join(siteRoot, 'node_modules');
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
    if (CACHE_ENTRIES.has(entry)) continue;
    symlinkSync(join(projectRoot, 'node_modules', entry), join(target, entry));
  }
}

export interface ScratchSites {
  /** The copy of this site, its proposals replaced by the synthetic ones. */
  site: string;
  /** The bare Astro site over the same Markdown files. */
  bare: string;
  /** Starlight, default configuration, over the same Markdown files. */
  starlight: string;
  /** The proposals folder both read. */
  proposals: string;
}

/**
 * A copy of this site at `site` (removed first) whose proposals folder holds only the given files:
 * for the benchmark, and for the end-to-end tests that build a site from fixtures.
 */
export function createSiteCopy(projectRoot: string, site: string, proposals: readonly { fileName: string; text: string }[]): string {
  rmSync(site, { recursive: true, force: true });
  const proposalsDir = resolve(site, PROPOSALS_DIR);
  const realProposals = resolve(projectRoot, PROPOSALS_DIR);
  for (const file of SITE_FILES) {
    cpSync(join(projectRoot, file), join(site, file), {
      recursive: true,
      filter: (source) => resolve(source) !== realProposals,
    });
  }
  linkNodeModules(projectRoot, site);
  mkdirSync(proposalsDir, { recursive: true });
  for (const proposal of proposals) writeFileSync(join(proposalsDir, proposal.fileName), proposal.text);
  return proposalsDir;
}

/**
 * A copy of this site that serves only its default interface language: the baseline that prices
 * the other languages (issue 12). The copy's `LOCALES` keeps the default language's entry alone,
 * so every page is built once instead of once per language.
 */
export function createOneLanguageCopy(projectRoot: string, site: string, proposals: readonly { fileName: string; text: string }[], defaultLocale: string): void {
  createSiteCopy(projectRoot, site, proposals);
  const file = join(site, 'src', 'lib', 'i18n', 'locales.ts');
  const source = readFileSync(file, 'utf8');
  const list = /export const LOCALES = \[\n([\s\S]*?)\n\] as const;/.exec(source);
  const kept = list?.[1]!.split('\n').filter((line) => line.includes(`id: '${defaultLocale}'`)) ?? [];
  if (!list || kept.length !== 1) throw new Error(`bench: cannot find the one entry of '${defaultLocale}' in the LOCALES list of ${file}; update createOneLanguageCopy`);
  writeFileSync(file, source.replace(list[0], `export const LOCALES = [\n${kept[0]}\n] as const;`));
}

/** Lays out both sites for one size under `root` (removed first) and writes the proposals. */
export function createScratchSites(projectRoot: string, root: string, proposals: readonly SyntheticProposal[]): ScratchSites {
  rmSync(root, { recursive: true, force: true });
  const site = join(root, 'site');
  const bare = join(root, 'bare');
  const proposalsDir = createSiteCopy(projectRoot, site, proposals);

  mkdirSync(join(bare, 'src', 'pages'), { recursive: true });
  linkNodeModules(projectRoot, bare);
  writeFileSync(join(bare, 'package.json'), `${JSON.stringify({ name: 'bench-bare-astro', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(bare, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\n\nexport default defineConfig({});\n");
  writeFileSync(
    join(bare, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      '',
      `const docs = defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(relative(bare, proposalsDir))} }) });`,
      '',
      'export const collections = { docs };',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(bare, 'src', 'pages', '[id].astro'),
    [
      '---',
      "import { getCollection, render } from 'astro:content';",
      '',
      'export async function getStaticPaths() {',
      "  const entries = await getCollection('docs');",
      '  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));',
      '}',
      '',
      'const { entry } = Astro.props;',
      'const { Content } = await render(entry);',
      '---',
      '',
      '<html lang="en">',
      '  <head>',
      '    <meta charset="utf-8" />',
      '    <title>{entry.data.title}</title>',
      '  </head>',
      '  <body>',
      '    <Content />',
      '  </body>',
      '</html>',
      '',
    ].join('\n'),
  );
  const starlight = join(root, 'starlight');
  createStarlightSite(projectRoot, starlight, proposalsDir);
  return { site, bare, starlight, proposals: proposalsDir };
}

/**
 * Starlight as its getting-started guide sets it up: a title and nothing else, so the sidebar is
 * the default one generated from every page. Its docs collection is the proposals folder (the
 * docs schema keeps `title` and ignores the proposal fields it does not know).
 */
function createStarlightSite(projectRoot: string, starlight: string, proposalsDir: string) {
  mkdirSync(join(starlight, 'src'), { recursive: true });
  linkNodeModules(projectRoot, starlight);
  writeFileSync(join(starlight, 'package.json'), `${JSON.stringify({ name: 'bench-starlight', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(
    join(starlight, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      "import starlight from '@astrojs/starlight';",
      '',
      'export default defineConfig({',
      "  integrations: [starlight({ title: 'Kafka broker proposals' })],",
      // Its node_modules are links into the project's, so Vite would leave Starlight's modules to Node,
      // which cannot load their astro: imports; an ordinary install bundles them, as this asks.
      "  vite: { ssr: { noExternal: ['@astrojs/starlight'] }, environments: { prerender: { resolve: { noExternal: ['@astrojs/starlight'] } } } },",
      '});',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(starlight, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      '',
      `const docs = defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(relative(starlight, proposalsDir))} }), schema: docsSchema() });`,
      '',
      'export const collections = { docs };',
      '',
    ].join('\n'),
  );
}
