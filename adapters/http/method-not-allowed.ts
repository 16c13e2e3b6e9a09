import type { Hono, NotFoundHandler } from 'hono';
import { errorResponse } from './error-responses.js';

type Route = { method: string; path: string };

/** A Hono route path (`/api/sections/:id`, `/files/*`) as a regular expression over request paths. */
function patternOf(path: string): RegExp {
  const parts = path.split('/').map((part) => {
    if (part.startsWith(':')) return '[^/]+';
    if (part === '*') return '.*';
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return new RegExp(`^${parts.join('/')}$`);
}

/** The methods each route path answers; middleware (`ALL`) is not a route. */
function methodTable(routes: readonly Route[]): { pattern: RegExp; methods: Set<string> }[] {
  const byPath = new Map<string, Set<string>>();
  for (const { method, path } of routes) {
    if (method === 'ALL') continue;
    const methods = byPath.get(path) ?? new Set<string>();
    methods.add(method);
    byPath.set(path, methods);
  }
  return [...byPath].map(([path, methods]) => ({ pattern: patternOf(path), methods }));
}

/** What `Allow` lists for a path: its methods, HEAD wherever GET is (Hono answers it), and OPTIONS. */
function allowFor(methods: Set<string>): string[] {
  const allowed = new Set(methods);
  if (allowed.has('GET')) allowed.add('HEAD');
  allowed.add('OPTIONS');
  return [...allowed].sort();
}

/**
 * The not-found handler, made to tell a wrong method from a wrong path: a known path asked with
 * another method gets 405 and `Allow` (OPTIONS gets 204 and `Allow`), an unknown one `notFound`.
 * The route table is read on first use, so routes another adapter added (a webhook) count too.
 */
export function methodAwareNotFound(app: Pick<Hono, 'routes'>, notFound: NotFoundHandler): NotFoundHandler {
  let table: ReturnType<typeof methodTable> | undefined;
  return (c) => {
    table ??= methodTable(app.routes);
    const methods = new Set<string>();
    for (const route of table) if (route.pattern.test(c.req.path)) route.methods.forEach((m) => methods.add(m));
    if (methods.size === 0) return notFound(c);
    const allow = allowFor(methods);
    c.header('Allow', allow.join(', '));
    if (c.req.method === 'OPTIONS') return c.body(null, 204);
    return errorResponse(c, 405, 'METHOD_NOT_ALLOWED', `${c.req.method} is not allowed on ${c.req.path}; use ${allow.filter((m) => m !== 'OPTIONS' && m !== 'HEAD').join(' or ')}.`);
  };
}
