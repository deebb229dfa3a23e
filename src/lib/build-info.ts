/**
 * The build's clock and stale setting as pages and endpoints see them. astro.config.mjs reads them
 * from the environment (src/lib/site-settings.ts) and Vite writes them into the build here, so every
 * page of one build has the same date, and a rebuild with the same BUILD_DATE gives the same site.
 * Nothing else in the site asks the system clock.
 *
 * Outside a build (the unit tests, Node scripts) there is no build date: code that needs one takes
 * it as an argument, and only pages read it from here.
 */
export const BUILD_DATE: string = import.meta.env.BUILD_DATE;
export const STALE_AFTER_DAYS: number = Number(import.meta.env.STALE_AFTER_DAYS);
/** Where a proposal's file is browsed (a path is appended), when REPOSITORY_URL is set. */
export const REPOSITORY_URL: string | undefined = import.meta.env.REPOSITORY_URL || undefined;
