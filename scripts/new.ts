/**
 * npm run new -- --title "…" --component <id> [--lang zh|en] [--author "…"] [--slug …] [--date YYYY-MM-DD]
 *
 * Writes src/content/proposals/<date>-<slug>.md from the template, with the frontmatter filled in.
 * Refuses to overwrite a file and rejects an unknown component by listing the valid ids.
 *
 * It writes only directly inside the proposals folder of the project it is run from (npm runs it
 * from the folder with package.json), so no option or slug can send the file anywhere else. The
 * templates are read next to this script, so a test can run it from a scratch folder that holds
 * only an empty src/content/proposals/. Whatever it is given, it ends with a message, never with a
 * stack trace.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PROPOSALS_DIR } from '../src/lib/proposal-files.ts';
import { componentModules, fillTemplate, newProposalFileName, slugify } from '../src/lib/template.ts';
import { TEMPLATE_FILES } from '../src/lib/template-files.ts';
import { formatFinding } from '../src/lib/reader/findings.ts';
import { readProposal } from '../src/lib/reader/read-proposal.ts';
import { isCalendarDate } from '../src/lib/schema/proposal.ts';
import { COMPONENT_IDS, findComponent } from '../src/lib/vocabulary/components.ts';
import { LANGUAGE_IDS, type LanguageId } from '../src/lib/vocabulary/languages.ts';

const USAGE = 'Usage: npm run new -- --title "<title>" --component <id> [--lang zh|en] [--author "<name>"] [--slug <slug>] [--date YYYY-MM-DD]';

/** The longest slug accepted from --slug; one derived from the title is cut at a word boundary well before it. */
const MAX_SLUG_LENGTH = 80;

/**
 * This project's own files (the templates), found from this script rather than from the working
 * directory. TEMPLATE_FILES stay relative to the project root because the site's pages read them
 * too, from bundled code whose import.meta.url is somewhere under dist/.
 */
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
  } else {
    // Anything unforeseen: one line, no stack trace.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`npm run new: ${message.replace(/\s*\n\s*/g, ' ').trim() || 'failed'}`);
  }
  process.exitCode = 1;
}

function main(args: string[]): void {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        title: { type: 'string' },
        component: { type: 'string' },
        lang: { type: 'string', default: 'zh' },
        author: { type: 'string' },
        slug: { type: 'string' },
        date: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail((error as Error).message);
  }

  if (values.help) {
    console.log(USAGE);
    return;
  }

  if (values.title === undefined) fail('Missing --title: the proposal needs a title.');
  const title = oneLineText('--title', values.title, 'a title such as "Log cleaner: reuse buffers"');
  if (!values.component) fail(`Missing --component: one of ${COMPONENT_IDS.join(', ')}.`);
  const component = findComponent(values.component);
  if (!component) fail(`Unknown component "${values.component}". Valid ids: ${COMPONENT_IDS.join(', ')}.`);
  if (!(LANGUAGE_IDS as readonly string[]).includes(values.lang)) fail(`Unknown language "${values.lang}". Valid: ${LANGUAGE_IDS.join(', ')}.`);
  const lang = values.lang as LanguageId;

  const date = values.date ?? localToday();
  // The schema's own test of a date; years before 100 are refused too, as no proposal is dated then.
  if (!isCalendarDate(date) || Number(date.slice(0, 4)) < 100) fail(`--date: found "${date}"; expected a real calendar date written YYYY-MM-DD, such as 2026-03-02`);

  let slug: string;
  if (values.slug !== undefined) {
    slug = values.slug;
    if (slug.length > MAX_SLUG_LENGTH) fail(`--slug: found ${slug.length} characters; expected at most ${MAX_SLUG_LENGTH}, such as --slug cleaner-buffer-reuse.`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) fail(`--slug: found ${JSON.stringify(slug)}; expected lower-case words joined by hyphens, such as cleaner-buffer-reuse.`);
  } else {
    slug = slugify(title);
    if (!slug) fail('The title has no ASCII words to name the file after; pass --slug, such as --slug cleaner-buffer-reuse.');
  }

  const author = values.author !== undefined ? oneLineText('--author', values.author, 'a name such as "Lin Wei"') : authorFromGit() ?? 'Your Name';

  // The target: directly inside the proposals folder of the project npm runs this from, and nowhere else.
  const root = process.cwd();
  const proposalsDir = resolve(root, PROPOSALS_DIR);
  if (!isDirectory(proposalsDir)) fail(`There is no ${relative(root, proposalsDir)} folder in ${root}; run npm run new from the project's root folder.`);
  const fileName = newProposalFileName(date, slug);
  const path = resolve(proposalsDir, fileName);
  if (dirname(path) !== proposalsDir || basename(path) !== fileName) fail(`Refusing to write ${path}: it is not directly inside ${proposalsDir}.`);
  const shown = relative(root, path);

  const alreadyExists = () => fail(`${shown} already exists; it was left as it is. Choose another --slug, or edit that file.`);
  if (existsSync(path)) alreadyExists();

  const text = fillTemplate(readFileSync(join(PROJECT_ROOT, TEMPLATE_FILES[lang]), 'utf8'), { title, component: component.id, modules: componentModules(component), author, date });
  // The new file must pass the schema, so that the next `npm run check` reports only what is left to write.
  // And it must read back as what was asked for: the title, the author and the date, unchanged.
  const { data, errors } = readProposal(shown, fileName, text);
  if (errors.length > 0) fail(`Internal error: the filled template does not pass the schema:\n${errors.map((f) => formatFinding(f, "en")).join('\n')}`);
  const readBack = { title: data?.title, author: data?.authors[0]?.name, date: data?.created };
  if (readBack.title !== title || readBack.author !== author || readBack.date !== date) {
    fail(`Internal error: the filled template reads back as ${JSON.stringify(readBack)}; expected ${JSON.stringify({ title, author, date })}.`);
  }

  try {
    writeFileSync(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') alreadyExists();
    throw error;
  }

  console.log(`Created ${shown}

Next steps:
  1. Fill in every {{placeholder}} and resolve each ${lang === 'zh' ? '【待确认】 and 【补】 note' : 'TBD and [Template note]'}.
  2. Set the change flags (protocol, onDiskFormat, userVisible); any true one needs a kip.
  3. npm run check        lists what the template still lacks, rule by rule, with line numbers
  4. npm run dev          shows it at http://localhost:4321/proposals/${date}-${slug}/`);
}

/**
 * Text for a one-line frontmatter value (the title, an author's name), trimmed. A line break would
 * make a title of several lines and a control character is invisible, so both are refused, as is
 * text with nothing visible in it.
 */
function oneLineText(option: string, value: string, expected: string): string {
  const text = value.trim();
  const lineBreak = /[\n\r\v\f\u0085\u2028\u2029]/.exec(text);
  if (lineBreak) fail(`${option}: found a line break (${codePoint(lineBreak[0])}); expected ${expected}, on one line.`);
  const control = /\p{Cc}/u.exec(text);
  if (control) fail(`${option}: found a control character (${codePoint(control[0])}); expected ${expected}, in plain text.`);
  if (!/[\p{L}\p{N}\p{P}\p{S}]/u.test(text)) fail(`${option}: found no visible text; expected ${expected}.`);
  return text;
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Today where the author is, not in UTC. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `git config user.name`, when it is set and usable as an author's name. */
function authorFromGit(): string | undefined {
  let name: string;
  try {
    name = execFileSync('git', ['config', 'user.name'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
  try {
    return name ? oneLineText('git config user.name', name, 'a name') : undefined;
  } catch {
    return undefined;
  }
}
