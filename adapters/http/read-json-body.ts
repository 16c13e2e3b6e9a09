import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { invalidRequest } from './error-responses.js';

/** A Content-Type the API reads as JSON (parameters allowed): anything else is 415. */
const JSON_REQUEST = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;
/** The media type (before any `;`) whose body is parsed as JSON. */
const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i;

/**
 * The body of a JSON request, validated by `schema`: its data, or the 400 reply naming each issue.
 * A body of another media type (or a body with no Content-Type) is 415 and a body that is not JSON
 * is BAD_JSON, both through the central error handler. Synchronous zod parsing and no framework
 * validator chain: this runs on every question.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<{ data: z.output<S> } | { reply: Response }> {
  const contentType = c.req.header('content-type');
  let value: unknown = {};
  if (contentType === undefined) {
    if ((await c.req.arrayBuffer()).byteLength > 0) throw new HTTPException(415, { message: 'Unsupported Media Type' });
  } else {
    if (!JSON_REQUEST.test(contentType)) throw new HTTPException(415, { message: 'Unsupported Media Type' });
    if (JSON_MEDIA.test(contentType.split(';')[0]?.trim() ?? '')) {
      try {
        value = await c.req.json();
      } catch {
        throw new HTTPException(400, { message: 'Malformed JSON in request body' });
      }
    }
  }
  const result = schema.safeParse(value);
  return result.success ? { data: result.data } : { reply: invalidRequest(c, result.error) };
}
