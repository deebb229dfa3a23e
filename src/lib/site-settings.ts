/**
 * What a build of the site is for: where it is published, when it is built, and how old an open
 * proposal may grow before it is called stale. These are the build's inputs, read from the
 * environment in one place (astro.config.mjs, scripts/index-search.ts), so that the same settings
 * and the same date give the same site:
 *
 * | variable           | default                                  | what it is                              |
 * |--------------------|------------------------------------------|-----------------------------------------|
 * | `SITE_URL`         | `https://kafka-proposals.example.org`    | the public origin, for absolute URLs    |
 * | `BASE_PATH`        | `/`                                      | the path the site is served under       |
 * | `BUILD_DATE`       | today, in UTC                            | the catalogue's clock, `YYYY-MM-DD`     |
 * | `STALE_AFTER_DAYS` | `180`                                    | an open proposal this old is stale      |
 * | `OUT_DIR`          | `dist`                                   | where the built site is written         |
 * | `REPOSITORY_URL`   | none                                     | where the proposals' files are browsed: |
 * |                    |                                          | a file's path is appended (no link if unset) |
 *
 * Pages read the build date and the stale setting from `src/lib/build-info.ts`, never from the clock.
 * Plain TypeScript with no Astro import: the config, the scripts and the unit tests share it.
 */
import { isCalendarDate } from './schema/proposal.ts';

export interface SiteSettings {
  /** The public origin with no path, such as `https://example.org`. */
  siteUrl: string;
  /** The path the site is served under, with a slash at each end: `/` or `/kafka-proposals/`. */
  basePath: string;
  /** The day the catalogue is built as of, `YYYY-MM-DD`. */
  buildDate: string;
  /** A Draft or Under Discussion proposal not updated for this many days is stale. */
  staleAfterDays: number;
  /** The folder the site is written to, relative to the project. */
  outDir: string;
  /**
   * Where the project's files are browsed, such as `https://github.com/acme/kafka-proposals/blob/main`:
   * a proposal's page links its file there. Absent when unset, and then no page links a file.
   */
  repositoryUrl?: string;
}

export const DEFAULT_SITE_URL = 'https://kafka-proposals.example.org';
export const DEFAULT_STALE_AFTER_DAYS = 180;
export const DEFAULT_OUT_DIR = 'dist';

/** A setting that cannot be used, named with what was found and what is expected. */
export class SiteSettingError extends Error {
  constructor(variable: string, found: string, expected: string) {
    super(`${variable}: found "${found}"; expected ${expected}.`);
    this.name = 'SiteSettingError';
  }
}

/** An environment as `process.env` is: a variable set to the empty string counts as unset. */
export type Environment = Readonly<Record<string, string | undefined>>;

function setting(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A setting that must be an absolute URL, parsed, or refused with an example of one. */
function absoluteUrl(variable: string, text: string, example: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new SiteSettingError(variable, text, `an absolute URL such as ${example}`);
  }
}

/** `https://example.org`, `https://example.org/`: an origin. A path belongs in BASE_PATH, so it is refused rather than guessed. */
export function parseSiteUrl(text: string): string {
  const url = absoluteUrl('SITE_URL', text, 'https://example.org');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SiteSettingError('SITE_URL', text, 'an http:// or https:// URL such as https://example.org');
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new SiteSettingError('SITE_URL', text, `an origin with no path, such as ${url.origin} (put the path "${url.pathname}" in BASE_PATH)`);
  }
  return url.origin;
}

/** `/kafka-proposals/`, `kafka-proposals`, `/kafka-proposals` all give `/kafka-proposals/`; `/` and `` give `/`. */
export function parseBasePath(text: string): string {
  const trimmed = text.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  const segments = trimmed.split('/');
  // Letters, digits and - . _ ~ only: a base path is written into every link, unescaped.
  if (segments.some((segment) => !/^[A-Za-z0-9._~-]+$/.test(segment) || segment === '.' || segment === '..')) {
    throw new SiteSettingError('BASE_PATH', text, 'a path such as /kafka-proposals/, of letters, digits, "-", "_", "." and "~"');
  }
  return `/${segments.join('/')}/`;
}

/** `https://github.com/acme/kafka-proposals/blob/main/`: an http(s) address a file's path is appended to. */
export function parseRepositoryUrl(text: string): string {
  const url = absoluteUrl('REPOSITORY_URL', text, 'https://github.com/acme/kafka-proposals/blob/main');
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new SiteSettingError('REPOSITORY_URL', text, 'an http:// or https:// URL with no query or fragment, such as https://github.com/acme/kafka-proposals/blob/main');
  }
  return url.href.replace(/\/+$/, '');
}

/** Today's date in UTC, `YYYY-MM-DD`: the default build date. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function readSiteSettings(env: Environment, now: Date = new Date()): SiteSettings {
  const buildDate = setting(env, 'BUILD_DATE') ?? utcDate(now);
  if (!isCalendarDate(buildDate)) throw new SiteSettingError('BUILD_DATE', buildDate, 'a date written YYYY-MM-DD, such as 2026-11-26');
  const staleText = setting(env, 'STALE_AFTER_DAYS');
  const staleAfterDays = staleText === undefined ? DEFAULT_STALE_AFTER_DAYS : Number(staleText);
  if (!Number.isInteger(staleAfterDays) || staleAfterDays < 1) throw new SiteSettingError('STALE_AFTER_DAYS', staleText ?? '', 'a whole number of days, 1 or more, such as 180');
  return {
    siteUrl: parseSiteUrl(setting(env, 'SITE_URL') ?? DEFAULT_SITE_URL),
    basePath: parseBasePath(setting(env, 'BASE_PATH') ?? '/'),
    buildDate,
    staleAfterDays,
    outDir: setting(env, 'OUT_DIR') ?? DEFAULT_OUT_DIR,
    ...(setting(env, 'REPOSITORY_URL') === undefined ? {} : { repositoryUrl: parseRepositoryUrl(setting(env, 'REPOSITORY_URL')!) }),
  };
}
