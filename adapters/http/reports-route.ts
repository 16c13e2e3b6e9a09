import type { Hono } from 'hono';
import type { Library } from '../../src/library/index.js';
import { reportSummary } from '../shared/library-of.js';
import type { HttpEnv } from './client-key.js';
import { json, type RouteDescription } from './route-description.js';
import { ReportsSchema } from './schemas.js';

/** GET /api/reports as OpenAPI describes it. */
export const reportsRoute: RouteDescription = {
  method: 'get',
  path: '/api/reports',
  summary: 'The reports the bot serves',
  description: 'Each pack of the library (its id is what POST /api/ask takes as `report`), and the default for questions naming none.',
  responses: { 200: json(ReportsSchema, 'Every report, by body then newest year') },
};

/** GET /api/reports: read at each request, so a pack added or removed by hot reload shows at once. */
export function registerReportsRoute(app: Hono<HttpEnv>, library: Library): void {
  app.get(reportsRoute.path, (c) => c.json({ default: library.defaultReport()?.id ?? null, reports: library.reports().map(reportSummary) }, 200));
}
