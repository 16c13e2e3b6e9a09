import type { Hono } from 'hono';
import type { HttpEnv } from './client-key.js';
import type { RouteDescription } from './route-description.js';

/** The document's `info`: what the API is about. */
export interface ApiInfo {
  title: string;
  version: string;
  description: string;
}

/**
 * GET /openapi.json, generated from the routes' descriptions on the first request and kept. The
 * generator (@hono/zod-openapi and the zod-to-openapi it wraps, about 5 MB of memory) is imported
 * then, not at start: a server nobody asks for its API description never holds it.
 */
export function registerOpenApiRoute(app: Hono<HttpEnv>, routes: readonly RouteDescription[], info: ApiInfo): void {
  let document: Promise<unknown> | undefined;
  app.get('/openapi.json', async (c) => {
    document ??= import('./openapi-document.js').then(({ openApiDocument }) => openApiDocument(routes, info));
    return c.json(await document, 200);
  });
}
