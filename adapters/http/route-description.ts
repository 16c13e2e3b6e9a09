import type { ZodType } from 'zod';

/** A JSON body or reply as OpenAPI describes it. */
export interface JsonContent {
  description: string;
  content: { 'application/json': { schema: ZodType } };
}

/**
 * One route as /openapi.json describes it, in the shape the OpenAPI generator's registry takes.
 * Plain data over the zod schemas that validate the requests, so the description is the validators'
 * own, while the generator itself is loaded only when the document is first asked for.
 */
export interface RouteDescription {
  method: 'get' | 'post';
  /** OpenAPI's form: `/api/sections/{id}`. */
  path: string;
  summary: string;
  description?: string;
  request?: { body?: { required: boolean; content: { 'application/json': { schema: ZodType } } }; params?: ZodType };
  responses: Record<number, JsonContent>;
}

/** A response (or body) of JSON with its schema. */
export const json = (schema: ZodType, description: string): JsonContent => ({ description, content: { 'application/json': { schema } } });

/** The path as Hono routes it: `/api/sections/{id}` → `/api/sections/:id`. */
export const routingPath = (route: Pick<RouteDescription, 'path'>): string => route.path.replaceAll(/\/{(.+?)}/g, '/:$1');
