import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiInfo } from './openapi-route.js';
import type { RouteDescription } from './route-description.js';

type RouteConfig = Parameters<OpenAPIHono['openAPIRegistry']['registerPath']>[0];

/**
 * The OpenAPI 3.0 document of the routes: their schemas become components by their `.meta({ id })`,
 * with the descriptions and examples of their metadata. Imported only by /openapi.json's first request.
 */
export function openApiDocument(routes: readonly RouteDescription[], info: ApiInfo): unknown {
  const registry = new OpenAPIHono();
  for (const route of routes) registry.openAPIRegistry.registerPath(route as unknown as RouteConfig);
  return registry.getOpenAPIDocument({ openapi: '3.0.3', info: { ...info } });
}
