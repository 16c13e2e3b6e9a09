import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Engine } from '../../src/engine/index.js';
import type { HttpEnv } from './client-key.js';
import { HealthSchema, ReadySchema } from './schemas.js';

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness: the process answers HTTP',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: HealthSchema } } } },
});

const readyRoute = createRoute({
  method: 'get',
  path: '/readyz',
  summary: 'Readiness: the engine holds its knowledge and answers',
  responses: {
    200: { description: 'Ready for questions', content: { 'application/json': { schema: ReadySchema } } },
    503: { description: 'Not ready', content: { 'application/json': { schema: ReadySchema } } },
  },
});

/**
 * /healthz says the process is alive (restart it if not); /readyz says it can take questions (send
 * it traffic only if so): the knowledge is loaded and the engine completes a turn. The probe turn
 * is an empty question through the pure `respond`, so it touches no conversation.
 */
export function registerHealthRoutes(app: OpenAPIHono<HttpEnv>, engine: Engine): void {
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyRoute, (c) => {
    const { knowledge } = engine;
    const body = { knowledge: knowledge.meta.id, sections: knowledge.sections.length, facts: knowledge.facts.length };
    let answers = false;
    try {
      answers = typeof engine.respond('').answer.text === 'string';
    } catch {
      answers = false;
    }
    const ready = answers && knowledge.sections.length > 0;
    return ready ? c.json({ status: 'ready' as const, ...body }, 200) : c.json({ status: 'not_ready' as const, ...body }, 503);
  });
}
