/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** The day the catalogue is built as of, `YYYY-MM-DD` (astro.config.mjs, from BUILD_DATE). */
  readonly BUILD_DATE: string;
  /** Days after which an open proposal is stale, as text (astro.config.mjs, from STALE_AFTER_DAYS). */
  readonly STALE_AFTER_DAYS: string;
  /** Where the proposals' files are browsed, or the empty string (astro.config.mjs, from REPOSITORY_URL). */
  readonly REPOSITORY_URL: string;
}
