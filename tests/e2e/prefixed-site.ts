/**
 * The second site the end-to-end tests run against: the same catalogue built for a project page
 * under a base path, as GitHub Pages publishes `https://<owner>.github.io/<repo>/`. `npm test` builds
 * it with `npm run build:prefixed` (scripts/build-prefixed.ts) and Playwright serves it on its own port.
 */
export const PREFIXED_SITE = {
  SITE_URL: 'https://example.test',
  BASE_PATH: '/kafka-proposals/',
  OUT_DIR: 'dist-prefixed',
  // A project page publishes a repository: each proposal links its file there.
  REPOSITORY_URL: 'https://github.com/example/kafka-proposals/blob/main',
} as const;

export const PREFIXED_PORT = Number(process.env.E2E_PREFIXED_PORT ?? 4397);

/** Where the tests reach the prefixed site: the local server, under the base path. (4398 is the tricky-content site's, 4399 the main one's.) */
export const PREFIXED_ORIGIN = `http://127.0.0.1:${PREFIXED_PORT}`;
export const PREFIXED_HOME = `${PREFIXED_ORIGIN}${PREFIXED_SITE.BASE_PATH}`;
