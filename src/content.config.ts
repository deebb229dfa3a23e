import { defineCollection } from 'astro:content';
import { proposalsLoader } from './loaders/proposals.ts';

/**
 * Proposals: one Markdown file each in src/content/proposals/. The file name (without extension)
 * is the proposal's id and its URL: /proposals/<id>/. The loader reads every file through the one
 * reader `npm run check` uses (schema, content policy, completeness), and any error in any file
 * stops the build with the file, the line or field, what was found and what is expected.
 */
const proposals = defineCollection({ loader: proposalsLoader() });

export const collections = { proposals };
