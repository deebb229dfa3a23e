/**
 * npm run new -- --title "…" --component <id> [--lang zh|en] [--author "…"] [--slug …] [--date YYYY-MM-DD]
 *
 * Writes src/content/proposals/<date>-<slug>.md from the template, with the frontmatter filled in.
 * Refuses to overwrite a file and rejects an unknown component by listing the valid ids.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { PROPOSALS_DIR } from '../src/lib/proposal-files.ts';
import { componentModules, fillTemplate, slugify } from '../src/lib/template.ts';
import { TEMPLATE_FILES } from '../src/lib/template-files.ts';
import { formatFinding } from '../src/lib/reader/findings.ts';
import { readProposal } from '../src/lib/reader/read-proposal.ts';
import { COMPONENT_IDS, findComponent } from '../src/lib/vocabulary/components.ts';
import { LANGUAGE_IDS, type LanguageId } from '../src/lib/vocabulary/languages.ts';

const USAGE = 'Usage: npm run new -- --title "<title>" --component <id> [--lang zh|en] [--author "<name>"] [--slug <slug>]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      title: { type: 'string' },
      component: { type: 'string' },
      lang: { type: 'string', default: 'zh' },
      author: { type: 'string' },
      slug: { type: 'string' },
      date: { type: 'string' },
      dir: { type: 'string', default: PROPOSALS_DIR },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const title = values.title?.trim();
if (!title) fail('Missing --title: the proposal needs a title.');
if (!values.component) fail(`Missing --component: one of ${COMPONENT_IDS.join(', ')}.`);
const component = findComponent(values.component);
if (!component) fail(`Unknown component "${values.component}". Valid ids: ${COMPONENT_IDS.join(', ')}.`);
if (!(LANGUAGE_IDS as readonly string[]).includes(values.lang)) fail(`Unknown language "${values.lang}". Valid: ${LANGUAGE_IDS.join(', ')}.`);
const lang = values.lang as LanguageId;

const date = values.date ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`--date: found "${date}"; expected YYYY-MM-DD.`);

const slug = values.slug ?? slugify(title);
if (!slug) fail('The title has no ASCII words to name the file after; pass --slug, such as --slug cleaner-buffer-reuse.');
if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) fail(`--slug: found "${slug}"; expected lower-case words joined by hyphens.`);

const author = values.author ?? gitUserName() ?? 'Your Name';
const fileName = `${date}-${slug}.md`;
const path = join(values.dir, fileName);
const shown = relative(process.cwd(), path);

if (existsSync(path)) fail(`${shown} already exists; it was left as it is. Choose another --slug, or edit that file.`);

const text = fillTemplate(readFileSync(TEMPLATE_FILES[lang], 'utf8'), { title, component: component.id, modules: componentModules(component), author, date });
// The new file must pass the schema, so that the next `npm run check` reports only what is left to write.
const { errors } = readProposal(shown, fileName, text);
if (errors.length > 0) fail(`Internal error: the filled template does not pass the schema:\n${errors.map(formatFinding).join('\n')}`);

mkdirSync(values.dir, { recursive: true });
writeFileSync(path, text, { flag: 'wx' });

console.log(`Created ${shown}

Next steps:
  1. Fill in every {{placeholder}} and resolve each ${lang === 'zh' ? '【待确认】 and 【补】 note' : 'TBD and [Template note]'}.
  2. Set the change flags (protocol, onDiskFormat, userVisible); any true one needs a kip.
  3. npm run check        lists what the template still lacks, rule by rule, with line numbers
  4. npm run dev          shows it at http://localhost:4321/proposals/${date}-${slug}/`);

function gitUserName(): string | undefined {
  try {
    return execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}
