import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, setCookie } from 'hono/cookie';
import { etag } from 'hono/etag';
import type { Engine } from '../../src/engine/index.js';
import { clientKey, type HttpEnv } from '../http/client-key.js';
import { createMemoryState } from '../shared/state/index.js';
import { rateLimit } from '../http/rate-limit.js';
import type { ErrorBody } from '../http/schemas.js';
import { projectRoot } from '../shared/boot-engine.js';
import type { Logger } from '../shared/logger.js';
import type { Storage } from '../storage/index.js';
import { toCsv } from './csv.js';
import { factSheet } from './fact-sheet.js';
import { dailyTable, thumbsDownTable, unansweredTable } from './log-tables.js';
import { createStaffAuth, STAFF_COOKIE } from './staff-auth.js';
import type { Table } from './table.js';

const DAY_MS = 86_400_000;
/** How many questions the console reads at most for one list; grouping happens over these. */
export const MAX_ROWS = 5_000;
const MAX_DAYS = 3_650;
const DEFAULT_DAYS = 30;
const LOGIN_PER_MINUTE = 10;
const MAX_WHY_CHARS = 2_000;

export interface StaffOptions {
  /** STAFF_TOKEN: the console's only credential. */
  token: string;
  /** The question log's database; without it the console shows the fact sheet and the why view only. */
  storage?: Storage | undefined;
  /** Milliseconds east of UTC of the staff's time zone, for dates and days; the server's own zone by default. */
  zoneOffsetMs?: number;
  /** Where the console's files are; adapters/staff/public in the project by default. */
  publicDir?: string;
}

interface StaffDeps extends StaffOptions {
  engine: Engine;
  logger: Logger;
  clock: () => number;
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };

const failure = (c: Context, status: 400 | 401 | 404 | 503, code: string, message: string) => {
  const body: ErrorBody = { error: { code, message } };
  return c.json(body, status);
};

/** The question log's tables for the last `days` days, read through the storage port. */
export async function logTables(storage: Storage, since: number, offsetMs: number): Promise<Table[]> {
  const [unanswered, down, counts] = await Promise.all([
    storage.questions({ since, filter: 'unanswered', limit: MAX_ROWS }),
    storage.questions({ since, filter: 'thumbs_down', limit: MAX_ROWS }),
    storage.counts(since, offsetMs),
  ]);
  return [unansweredTable(unanswered, offsetMs), thumbsDownTable(down, offsetMs), dailyTable(counts)];
}

/**
 * The staff console at /staff, mounted only when STAFF_TOKEN is set. /staff shows a login form
 * (401) until the token is typed; a session cookie (an HMAC of the token, HttpOnly, SameSite
 * Strict) then opens the console, and scripts may send `Authorization: Bearer <token>` instead.
 * Every /staff/api and /staff/export answer is 401 without valid credentials. The token travels
 * only in a POST body or a header, which no log line records.
 */
export function registerStaffRoutes(app: Hono<HttpEnv>, deps: StaffDeps): void {
  const { engine, storage, logger, clock } = deps;
  const auth = createStaffAuth(deps.token);
  const offsetMs = deps.zoneOffsetMs ?? -new Date(clock()).getTimezoneOffset() * 60_000;
  const dir = deps.publicDir ?? join(projectRoot(), 'adapters', 'staff', 'public');
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  const consolePage = read('staff.html');
  const loginPage = read('login.html');
  const loginFailedPage = loginPage.replace('id="login-error" hidden', 'id="login-error"');
  const facts = factSheet(engine.knowledge);

  for (const name of ['staff.js', 'staff.css']) {
    const body = read(name);
    app.get(`/staff/${name}`, etag(), (c) => {
      c.header('Content-Type', TYPES[name.split('.')[1] ?? ''] ?? 'text/plain');
      c.header('Cache-Control', 'no-cache');
      return c.body(body);
    });
  }

  app.use('/staff/*', async (c, next) => {
    await next();
    if (!/\.(js|css)$/.test(c.req.path)) c.header('Cache-Control', 'no-store');
  });
  const unauthorized = (c: Context) => {
    c.header('WWW-Authenticate', 'Bearer realm="gongkai-qa staff"');
    return failure(c, 401, 'UNAUTHORIZED', '需要工作人员口令 Staff token required: log in at /staff or send Authorization: Bearer <STAFF_TOKEN>.');
  };
  const guard: MiddlewareHandler = async (c, next) => {
    if (!auth.allowed(c)) return unauthorized(c);
    await next();
    return undefined;
  };
  app.use('/staff/api/*', guard);
  app.use('/staff/export/*', guard);

  app.get('/staff', (c) => {
    if (auth.allowed(c)) return c.html(consolePage);
    c.header('WWW-Authenticate', 'Bearer realm="gongkai-qa staff"');
    return c.html(loginPage, 401);
  });
  // Login attempts are counted per instance: a guessed token must also beat every instance's limit.
  const loginCounter = createMemoryState().windowCounter('staff-login', { windowMs: 60_000, clock });
  app.post(
    '/staff/login',
    rateLimit({ limit: LOGIN_PER_MINUTE, counter: loginCounter, clock, keyOf: clientKey }),
    bodyLimit({ maxSize: 4096, onError: (c) => c.html(loginFailedPage, 401) }),
    async (c) => {
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const token = typeof body['token'] === 'string' ? body['token'].trim() : '';
      if (!token || !auth.tokenMatches(token)) {
        logger.warn('staff.login_failed', {});
        return c.html(loginFailedPage, 401);
      }
      setCookie(c, STAFF_COOKIE, auth.session, { httpOnly: true, sameSite: 'Strict', path: '/staff', secure: new URL(c.req.url).protocol === 'https:', maxAge: 12 * 3600 });
      logger.info('staff.login', {});
      return c.redirect('/staff', 303);
    },
  );
  app.post('/staff/logout', (c) => {
    deleteCookie(c, STAFF_COOKIE, { path: '/staff' });
    return c.redirect('/staff', 303);
  });

  const sinceOf = (c: Context): number | undefined => {
    const raw = c.req.query('days');
    const days = raw === undefined || raw === '' ? DEFAULT_DAYS : Number(raw);
    return Number.isInteger(days) && days >= 1 && days <= MAX_DAYS ? clock() - days * DAY_MS : undefined;
  };
  const badDays = (c: Context) => failure(c, 400, 'INVALID_REQUEST', `days is a whole number from 1 to ${MAX_DAYS}`);
  // The log migrates at start in the background; a console opened first must not read before it.
  let migrated: Promise<unknown> | undefined;
  const readLog = async (since: number) => {
    if (!storage) return undefined;
    try {
      await (migrated ??= storage.migrate().catch((error: unknown) => {
        migrated = undefined;
        throw error;
      }));
      return await logTables(storage, since, offsetMs);
    } catch (error) {
      logger.warn('staff.storage_unavailable', { kind: storage.kind, error });
      return null;
    }
  };
  const logDown = (c: Context) => failure(c, 503, 'STORAGE_UNAVAILABLE', '问题日志数据库暂时无法读取 The question log database cannot be read right now; try again shortly.');

  app.get('/staff/api/overview', async (c) => {
    const since = sinceOf(c);
    if (since === undefined) return badDays(c);
    const tables = await readLog(since);
    if (tables === null) return logDown(c);
    return c.json({ log: tables !== undefined, days: Math.round((clock() - since) / DAY_MS), tables: tables ?? [] });
  });
  app.get('/staff/api/facts', (c) => c.json(facts));
  app.get('/staff/api/why', (c) => {
    const question = (c.req.query('q') ?? '').trim();
    if (!question || question.length > MAX_WHY_CHARS) return failure(c, 400, 'INVALID_REQUEST', `q is the question to explain, 1 to ${MAX_WHY_CHARS} characters`);
    const { outcome, message, lang, intent, confidence, citations, explain } = engine.ask({ text: question });
    return c.json({ question, outcome, message, lang, intent, confidence, citations, explain });
  });
  app.get('/staff/export/:file', async (c) => {
    const name = c.req.param('file').replace(/\.csv$/, '');
    let table: Table | undefined;
    if (name === 'facts') table = facts;
    else {
      const since = sinceOf(c);
      if (since === undefined) return badDays(c);
      const tables = await readLog(since);
      if (tables === null) return logDown(c);
      table = tables?.find((t) => t.name === name);
    }
    if (!table) return failure(c, 404, 'NOT_FOUND', 'No such table; export unanswered, thumbs-down, daily or facts (.csv)');
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${table.name}-${new Date(clock() + offsetMs).toISOString().slice(0, 10)}.csv"`);
    return c.body(toCsv(table));
  });
}
