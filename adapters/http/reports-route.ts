import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Library } from '../../src/library/index.js';
import { reportSummary } from '../shared/library-of.js';
import type { HttpEnv } from './client-key.js';
import { ReportsSchema } from './schemas.js';

const reportsRoute = createRoute({
  method: 'get',
  path: '/api/reports',
  summary: 'The reports the bot serves',
  description: 'Each pack of the library (its id is what POST /api/ask takes as `report`), and the default for questions naming none.',
  responses: { 200: { description: 'Every report, by body then newest year', content: { 'application/json': { schema: ReportsSchema } } } },
});

/** GET /api/reports: read at each request, so a pack added or removed by hot reload shows at once. */
export function registerReportsRoute(app: OpenAPIHono<HttpEnv>, library: Library): void {
  app.openapi(reportsRoute, (c) => c.json({ default: library.defaultReport()?.id ?? null, reports: library.reports().map(reportSummary) }, 200));
}
