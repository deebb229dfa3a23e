import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { TEMPLATE_FILES } from '../lib/template-files.ts';
import { LANGUAGE_IDS, type LanguageId } from '../lib/vocabulary/languages.ts';

/** /template.zh.md and /template.en.md: the template files, byte for byte, for copying and downloading. */
export const getStaticPaths = (() => LANGUAGE_IDS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(TEMPLATE_FILES[params.lang as LanguageId]), {
    headers: { 'Content-Type': 'text/markdown; charset=utf-8' },
  });
