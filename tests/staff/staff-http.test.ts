import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp, type HttpApp } from '../../adapters/http/index.js';
import { createLogger } from '../../adapters/shared/logger.js';
import { createQuestionLog, openStorage, type QuestionLog } from '../../adapters/storage/index.js';
import { engine, fromIp, testConfig } from '../http/helpers.js';

const TOKEN = 'staff-token-0123456789abcdef';
const IP = '203.0.113.77';
const dir = mkdtempSync(join(tmpdir(), 'gongkai-staff-'));
const lines: string[] = [];
const logger = createLogger({ level: 'debug', write: (line) => lines.push(line), secrets: [TOKEN] });

let app: HttpApp;
let log: QuestionLog;

beforeAll(() => {
  const storage = openStorage({ SQLITE_FILE: join(dir, 'log.sqlite') }, dir, logger);
  log = createQuestionLog({ storage, report: engine().knowledge.meta.id, retentionDays: 90, logger, flushEveryMs: 0, purgeEveryMs: 0 });
  app = createHttpApp({ engine: engine(), config: testConfig(), logger, questionLog: log, staff: { token: TOKEN, storage, zoneOffsetMs: 8 * 3_600_000 } });
});
afterAll(async () => {
  await log.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers }, fromIp(IP));
const bearer = { Authorization: `Bearer ${TOKEN}` };
const ask = async (question: string, sessionId?: string) => {
  const res = await app.request('/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(sessionId ? { question, sessionId } : { question }) }, fromIp(IP));
  expect(res.status).toBe(200);
  return (await res.json()) as { questionId: string; sessionId: string; outcome: string };
};
const login = (token: string) =>
  app.request('/staff/login', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString() }, fromIp(IP));

describe('staff console: access', () => {
  it('is not there at all without STAFF_TOKEN', async () => {
    const plain = createHttpApp({ engine: engine(), config: testConfig(), logger });
    expect((await plain.request('/staff')).status).toBe(404);
    expect((await plain.request('/staff/api/facts')).status).toBe(404);
  });

  it('with QUESTION_LOG=off: replies carry no questionId, there is no feedback route, the console says the log is off', async () => {
    const unlogged = createHttpApp({ engine: engine(), config: testConfig(), logger, staff: { token: TOKEN } });
    const reply = await unlogged.request('/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: '网站公开了多少条?' }) });
    expect(await reply.json()).not.toHaveProperty('questionId');
    const feedback = await unlogged.request('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(feedback.status).toBe(404);
    const overview = await unlogged.request('/staff/api/overview', { headers: bearer });
    expect(await overview.json()).toEqual({ log: false, days: 30, tables: [] });
    expect((await unlogged.request('/staff/export/facts.csv', { headers: bearer })).status).toBe(200);
  });

  it('answers 401 without a token and with a wrong one, on every page and export', async () => {
    for (const path of ['/staff/api/overview', '/staff/api/facts', '/staff/api/why?q=x', '/staff/export/facts.csv', '/staff/export/unanswered.csv']) {
      expect((await get(path)).status, path).toBe(401);
      expect((await get(path, { Authorization: 'Bearer wrong-token-0123456789abcdef' })).status, path).toBe(401);
      expect((await get(path, { Authorization: `Bearer ${TOKEN}x` })).status, path).toBe(401);
      expect((await get(path, { Cookie: 'gongkai_staff=forged' })).status, path).toBe(401);
      expect((await get(path, bearer)).status, path).toBe(200);
    }
    const page = await get('/staff');
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('name="token"');
  });

  it('logs in with the token typed into the form (a session cookie, never the token) and out again', async () => {
    const wrong = await login('not-the-token-at-all-0000');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('口令不正确');

    const ok = await login(TOKEN);
    expect(ok.status).toBe(303);
    expect(ok.headers.get('Location')).toBe('/staff');
    const cookie = ok.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^gongkai_staff=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0] ?? '';
    const consolePage = await get('/staff', { Cookie: session });
    expect(consolePage.status).toBe(200);
    expect(consolePage.headers.get('Cache-Control')).toBe('no-store');
    expect(await consolePage.text()).toContain('工作人员后台');
    expect((await get('/staff/api/facts', { Cookie: session })).status).toBe(200);

    const out = await app.request('/staff/logout', { method: 'POST', headers: { Cookie: session } });
    expect(out.status).toBe(303);
    expect(out.headers.get('Set-Cookie')).toMatch(/gongkai_staff=;.*Max-Age=0/);
  });
});

describe('staff console: what it shows', () => {
  it('groups unanswered and unsure questions by similar wording, with counts and dates', async () => {
    await ask('残疾人补贴怎么领?');
    await ask('残疾人补贴怎么领？');
    await ask('殘疾人補貼怎麼領');
    await ask('今天天气怎么样?');
    await ask('网站公开了多少条?');
    await log.flush();
    const res = await get('/staff/api/overview?days=7', bearer);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { log: boolean; tables: { name: string; rows: Record<string, unknown>[] }[] };
    expect(body.log).toBe(true);
    const unanswered = body.tables.find((t) => t.name === 'unanswered');
    const group = unanswered?.rows.find((r) => `${String(r['wording'])} | ${String(r['variants'])}`.includes('残疾人补贴怎么领?'));
    expect(group).toMatchObject({ count: 3 });
    expect(String(group?.['variants']).split(' | ')).toHaveLength(2);
    expect(String(group?.['outcomes'])).toBe('报告未涉及 unknown ×3');
    expect(String(group?.['first'])).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(unanswered?.rows.some((r) => String(r['wording']).includes('网站公开'))).toBe(false);
    const daily = body.tables.find((t) => t.name === 'daily');
    expect(daily?.rows.reduce((n, r) => n + Number(r['total']), 0)).toBeGreaterThanOrEqual(5);
  });

  it('lists thumbs-down answers with their comment', async () => {
    const { questionId } = await ask('新闻发布会开了几次?');
    const res = await app.request('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ questionId, rating: 'down', comment: '=HYPERLINK("http://evil")' }) });
    expect(res.status).toBe(202);
    await log.flush();
    const csv = await get('/staff/export/thumbs-down.csv?days=7', bearer);
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('Content-Disposition')).toMatch(/^attachment; filename="thumbs-down-\d{4}-\d\d-\d\d\.csv"$/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'a byte-order mark for Excel').toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('时间 asked at,问题 question,意见 comment')).toBe(true);
    expect(text).toContain('新闻发布会开了几次?');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('rejects feedback that names no question or no rating', async () => {
    const bad = async (body: unknown) => (await app.request('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status;
    expect(await bad({ questionId: 'nope', rating: 'down' })).toBe(400);
    expect(await bad({ questionId: '6d0f3b5e-4c1a-4a57-9d3e-0b8f6f3f8a11', rating: 'meh' })).toBe(400);
    expect(await bad({ questionId: '6d0f3b5e-4c1a-4a57-9d3e-0b8f6f3f8a11', rating: 'up', comment: 'x'.repeat(201) })).toBe(400);
  });

  it('has a fact sheet of every stated and derived figure and every list, each with its source', async () => {
    const { knowledge } = engine();
    const res = await get('/staff/api/facts', bearer);
    const sheet = (await res.json()) as { rows: Record<string, string>[] };
    expect(sheet.rows).toHaveLength(knowledge.facts.length + knowledge.derived.length + knowledge.lists.length);
    for (const row of sheet.rows) {
      expect(row['quote'], row['id']).not.toBe('');
      expect(row['section'], row['id']).not.toBe('');
    }
    const website = sheet.rows.find((r) => r['value']?.startsWith('13126'));
    expect(website?.['kind']).toBe('数字 stated');
    const derived = sheet.rows.find((r) => r['id'] === 'approval.completion-rate');
    expect(derived?.['kind']).toBe('推算 derived');
    expect(derived?.['value']).toMatch(/^\d+(\.\d+)? %$/);
    const csv = await (await get('/staff/export/facts.csv', bearer)).text();
    expect(csv.split('\r\n')[0]).toBe('类别 kind,编号 id,名称 label,英文名称 label (English),数值 value,算法或项数 formula or items,出处章节 section,原文 verbatim quote');
  });

  it('explains any question typed in: rule, score, runner-up, concepts', async () => {
    const res = await get(`/staff/api/why?q=${encodeURIComponent('网站公开了多少条?')}`, bearer);
    const why = (await res.json()) as { outcome: string; explain: { rule: string; score: number; concepts: string[] } };
    const direct = engine().ask({ text: '网站公开了多少条?' });
    expect(why.outcome).toBe('answered');
    expect(why.explain).toEqual(direct.explain);
    expect((await get('/staff/api/why?q=', bearer)).status).toBe(400);
    expect((await get('/staff/api/overview?days=0', bearer)).status).toBe(400);
    expect((await get('/staff/export/nothing.csv', bearer)).status).toBe(404);
  });

  it('never writes the token, the session cookie, the client address or a conversation id to a log line', async () => {
    const { sessionId } = await ask('网站公开了多少条?');
    await ask('那其他形式呢?', sessionId);
    await login(TOKEN);
    await log.flush();
    expect(lines.length).toBeGreaterThan(10);
    const cookie = ((await login(TOKEN)).headers.get('Set-Cookie') ?? '').split(';')[0]?.split('=')[1] ?? 'missing';
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain(cookie);
      expect(line).not.toContain(IP);
      expect(line).not.toContain(sessionId);
    }
  });
});
