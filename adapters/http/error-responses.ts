import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { Logger } from '../shared/logger.js';
import { StateUnavailableError } from '../shared/state/index.js';
import type { ErrorBody } from './schemas.js';

/** Stable codes a client can switch on, one per kind of failure; messages are for people. */
export type HttpErrorCode =
  | 'BAD_JSON'
  | 'INVALID_REQUEST'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'OVERLOADED'
  | 'CLIENT_ABORTED'
  | 'INTERNAL'
  | 'HTTP_ERROR';

type Issue = { path: string; message: string };

/** Every error leaves the API in this one JSON shape, so clients need one parser. */
export function errorResponse<S extends ContentfulStatusCode>(c: Context, status: S, code: HttpErrorCode, message: string, issues?: Issue[]) {
  const body: ErrorBody = { error: { code, message, ...(issues ? { issues } : {}) } };
  return c.json(body, status);
}

const CODE_BY_STATUS: Partial<Record<number, HttpErrorCode>> = {
  400: 'INVALID_REQUEST',
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Zod issues as "where: what", the form a developer fixing a request needs. */
export function issuesOf(error: ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
}

/**
 * What every validated route answers a bad body or parameter: 400 with the zod issues, in the one
 * error shape.
 */
export function invalidRequest(c: Context, error: ZodError) {
  const issues = issuesOf(error);
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return errorResponse(c, 400, 'INVALID_REQUEST', summary, issues);
}

const CLIENT_FAULTS = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

/**
 * True when reading the request failed because of the client: it went away mid-body, or sent a body
 * Node's parser refused (a malformed chunk), which Node reports as the request being "aborted".
 */
export function isClientFault(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as NodeJS.ErrnoException).code;
  return (code !== undefined && (CLIENT_FAULTS.has(code) || code.startsWith('HPE_'))) || err.message === 'aborted';
}

/**
 * The one central error handler. HTTP exceptions (ours and the framework's, e.g. malformed JSON)
 * keep their status and message; a request body the client broke off or garbled is the client's
 * fault (a warning without stack, 400); anything else is a bug: logged in full on our side,
 * answered with a generic 500 so no stack trace or internal message reaches a client.
 */
export function createErrorHandler(logger: Logger): ErrorHandler {
  return (err, c) => {
    if (isClientFault(err)) {
      logger.warn('http.client_error', { method: c.req.method, path: c.req.path, code: (err as NodeJS.ErrnoException).code ?? err.message });
      return errorResponse(c, 400, 'CLIENT_ABORTED', 'The request body was cut off or malformed; send it again whole.');
    }
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const malformed = status === 400 && /malformed json/i.test(err.message);
      const code = malformed ? 'BAD_JSON' : (CODE_BY_STATUS[status] ?? 'HTTP_ERROR');
      const message = malformed ? 'The request body is not valid JSON; send {"question": "…"} with Content-Type: application/json.' : err.message || 'Request failed.';
      return errorResponse(c, status, code, message);
    }
    if (err instanceof StateUnavailableError) {
      logger.warn('http.state_unavailable', { method: c.req.method, path: c.req.path, error: err.message });
      c.header('Retry-After', '5');
      return errorResponse(c, 503, 'UNAVAILABLE', 'The conversation store is unreachable for a moment; please ask again in a few seconds.');
    }
    logger.error('http.error', { method: c.req.method, path: c.req.path, error: err, stack: err instanceof Error ? err.stack : undefined });
    return errorResponse(c, 500, 'INTERNAL', 'Something went wrong on our side; please try again in a moment.');
  };
}

/** Unknown routes answer JSON, pointing at the API description. */
export const notFound: NotFoundHandler = (c) =>
  errorResponse(c, 404, 'NOT_FOUND', `No such route: ${c.req.method} ${c.req.path}. The API is described at /openapi.json.`);
