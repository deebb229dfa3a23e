import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonResponse, publishedAt, schemaDocument } from '../../../lib/api/documents.ts';
import { API_SCHEMA_NAMES, type ApiSchemaName } from '../../../lib/api/schemas.ts';

/** /api/v1/<name>.schema.json: the JSON Schema of each API document, published beside it (src/lib/api/schemas.ts). */
export const getStaticPaths = (() => API_SCHEMA_NAMES.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => jsonResponse(schemaDocument(params.name as ApiSchemaName, publishedAt(site)));
