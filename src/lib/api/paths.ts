/**
 * Where the JSON API's files are, as paths from the site's root (put them under the base path with
 * `sitePath`). One place, read by the endpoints, the documents that link to each other and the tests.
 */
import type { ApiSchemaName } from './schemas.ts';

/** The API's major version: v1 only ever gains fields and values; a breaking change is /api/v2/, beside it. */
export const API_VERSION = 1;

const API_ROOT = `/api/v${API_VERSION}`;

export const API_PATHS = {
  proposals: `${API_ROOT}/proposals.json`,
  components: `${API_ROOT}/components.json`,
  statuses: `${API_ROOT}/statuses.json`,
  rules: `${API_ROOT}/rules.json`,
} as const;

/** A proposal's own document. */
export function proposalApiPath(id: string): string {
  return `${API_ROOT}/proposals/${id}.json`;
}

/** The JSON Schema of a kind of document, published beside it. */
export function apiSchemaPath(name: ApiSchemaName): string {
  return `${API_ROOT}/${name}.schema.json`;
}
