import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { Engine } from '../../src/engine/index.js';
import type { Config } from '../config/index.js';
import type { Logger } from '../shared/logger.js';
import { registerStaffRoutes, type StaffOptions } from '../staff/index.js';
import type { QuestionLog } from '../storage/index.js';
import type { ServiceStatus } from '../shared/service-status.js';
import { accessLog } from './access-log.js';
import { askRoute, registerAskRoute } from './ask-route.js';
import { limitBody } from './body-limit.js';
import { feedbackRoute, registerFeedbackRoute } from './feedback-route.js';
import { createMemoryState, type SharedState } from '../shared/state/index.js';
import { clientKeyFor, type HttpEnv } from './client-key.js';
import { createErrorHandler, errorResponse, notFound } from './error-responses.js';
import { healthRoutes, registerHealthRoutes } from './health-routes.js';
import { knowledgeRoutes, registerKnowledgeRoutes } from './knowledge-routes.js';
import { registerOpenApiRoute } from './openapi-route.js';
import { registerReportsRoute, reportsRoute } from './reports-route.js';
import { libraryOf } from '../shared/library-of.js';
import { methodAwareNotFound } from './method-not-allowed.js';
import { rateLimit } from './rate-limit.js';
import { securityHeaders } from './security-headers.js';
import { defaultPublicDir, serveStaticFiles } from './static-files.js';

/** Largest request body the API reads; a question is at most 2000 characters, so 16 KB is ample. */
export const MAX_BODY_BYTES = 16 * 1024;
const RATE_WINDOW_MS = 60_000;

/** The app this adapter builds; other adapters may add routes (a Telegram webhook) before it listens. */
export type HttpApp = Hono<HttpEnv>;

export interface HttpAppOptions {
  /** One engine, or a library of packs (which is one). */
  engine: Engine;
  /** Only these variables are read. */
  config: Pick<Config, 'CORS_ORIGINS' | 'HTTP_RATE_LIMIT_PER_MINUTE' | 'HTTP_EXPLAIN'> & Partial<Pick<Config, 'TRUST_PROXY'>>;
  logger: Logger;
  /** Milliseconds since the epoch, for the rate limit's windows; tests pass a fake to skip waiting. */
  clock?: () => number;
  /** Where the web chat's files are; defaults to adapters/http/public in the project. */
  publicDir?: string;
  /** Logs each question (QUESTION_LOG) and takes feedback on its answers at POST /api/feedback. */
  questionLog?: QuestionLog | undefined;
  /** Serves the staff console at /staff (only when STAFF_TOKEN is set). */
  staff?: StaffOptions | undefined;
  /** Conversations and rate-limit counters; in memory by default, Redis to share them across instances. */
  state?: SharedState;
  /** Channel states and shutdown for /readyz; without it /readyz checks the engine alone. */
  status?: ServiceStatus;
}

/**
 * Builds the HTTP API and the web chat as a Hono app without listening, so tests call
 * `app.request(...)` in-process and another adapter can add its routes first. Order matters:
 * headers, log and CORS wrap everything (so even 413 and 429 replies carry them), then the body
 * limit and rate limit guard the routes.
 */
export function createHttpApp({ engine, config, logger, clock = Date.now, publicDir = defaultPublicDir(), questionLog, staff, state = createMemoryState(), status }: HttpAppOptions): HttpApp {
  const app = new Hono<HttpEnv>();

  app.use('*', securityHeaders());
  app.use('*', accessLog(logger));
  if (config.CORS_ORIGINS.length > 0) {
    const origin = config.CORS_ORIGINS.includes('*') ? '*' : config.CORS_ORIGINS;
    app.use(
      '/api/*',
      cors({ origin, allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type'], exposeHeaders: ['Retry-After'], maxAge: 600 }),
    );
  }
  app.use(
    '/api/*',
    limitBody(MAX_BODY_BYTES, (c) => errorResponse(c, 413, 'PAYLOAD_TOO_LARGE', `The body is over ${MAX_BODY_BYTES / 1024} KB; a question is at most 2000 characters.`)),
  );
  // POST only: a preflight or a wrong method is answered without spending the client's questions.
  const counter = state.windowCounter('http-ask', { windowMs: RATE_WINDOW_MS, clock });
  const keyOf = clientKeyFor(config.TRUST_PROXY ?? []);
  app.on('POST', '/api/ask', rateLimit({ limit: config.HTTP_RATE_LIMIT_PER_MINUTE, counter, clock, keyOf }));
  if (questionLog) {
    const feedbackCounter = state.windowCounter('http-feedback', { windowMs: RATE_WINDOW_MS, clock });
    app.on('POST', '/api/feedback', rateLimit({ limit: config.HTTP_RATE_LIMIT_PER_MINUTE, counter: feedbackCounter, clock, keyOf }));
  }

  const library = libraryOf(engine);
  registerAskRoute(app, library, state, { allowExplain: config.HTTP_EXPLAIN, questionLog });
  registerReportsRoute(app, library);
  if (questionLog) registerFeedbackRoute(app, questionLog);
  if (staff) registerStaffRoutes(app, { ...staff, engine, logger, clock });
  registerKnowledgeRoutes(app, engine);
  registerHealthRoutes(app, library, status);
  registerOpenApiRoute(app, [askRoute, reportsRoute, ...(questionLog ? [feedbackRoute] : []), ...knowledgeRoutes, ...healthRoutes], {
    title: 'gongkai-qa HTTP API',
    version: '1',
    description: `Questions about ${engine.knowledge.meta.title.en}, answered with verbatim citations.`,
  });
  serveStaticFiles(app, publicDir);

  app.notFound(methodAwareNotFound(app, notFound));
  app.onError(createErrorHandler(logger));
  return app;
}
