import type { Hono } from 'hono';
import type { Library } from '../../src/library/index.js';
import { isReady, type ServiceStatus } from '../shared/service-status.js';
import type { HttpEnv } from './client-key.js';
import { json, type RouteDescription } from './route-description.js';
import { HealthSchema, ReadySchema } from './schemas.js';

/** GET /healthz and /readyz as OpenAPI describes them. */
export const healthRoutes: RouteDescription[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process answers HTTP',
    responses: { 200: json(HealthSchema, 'Alive') },
  },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: the engine answers, no configured channel has stopped, no shutdown has begun',
    responses: { 200: json(ReadySchema, 'Ready for questions'), 503: json(ReadySchema, 'Not ready') },
  },
];

/**
 * /healthz says the process is alive (restart it if not); /readyz says it can take questions (send
 * it traffic only if so): the knowledge is loaded and the engine completes a turn. The probe turn
 * is an empty question through the pure `respond`, so it touches no conversation; `reports` lists the
 * packs live now (after any hot reload). With a `status`,
 * /readyz also lists each configured channel's state and turns 503 when one has stopped (Telegram
 * after 409 or 401, WeChat logged out) or as soon as a shutdown begins; /healthz ignores both, since
 * restarting a process whose bot was logged out elsewhere would not help.
 */
export function registerHealthRoutes(app: Hono<HttpEnv>, engine: Library, status?: ServiceStatus): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' as const }, 200));
  app.get('/readyz', (c) => {
    const { knowledge } = engine;
    const body = { knowledge: knowledge.meta.id, sections: knowledge.sections.length, facts: knowledge.facts.length, reports: engine.reports().map((p) => p.id) };
    let answers = false;
    try {
      answers = typeof engine.respond('').answer.text === 'string';
    } catch {
      answers = false;
    }
    const service = status ? { channels: status.channels(), shuttingDown: status.shuttingDown } : { channels: {}, shuttingDown: false };
    const ready = answers && knowledge.sections.length > 0 && isReady(service);
    const reply = { ...body, ...service };
    return ready ? c.json({ status: 'ready' as const, ...reply }, 200) : c.json({ status: 'not_ready' as const, ...reply }, 503);
  });
}
