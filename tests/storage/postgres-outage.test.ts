import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../adapters/http/index.js';
import { createQuestionLog, openStorage, type QuestionLog, type Storage } from '../../adapters/storage/index.js';
import { engine, postAsk, recordingLogger, testConfig } from '../http/helpers.js';
import { postgresUnavailable, startPostgres, type PostgresServer } from '../support/postgres-server.js';

const unavailable = postgresUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== undefined)('the question log when PostgreSQL goes away mid-run', () => {
  let server: PostgresServer;
  let storage: Storage;
  let log: QuestionLog;
  const { logger, lines } = recordingLogger();

  beforeAll(async () => {
    server = await startPostgres();
    storage = openStorage({ DATABASE_URL: server.url, SQLITE_FILE: 'unused' }, '/nonexistent', logger);
    log = createQuestionLog({ storage, report: engine().knowledge.meta.id, retentionDays: 90, logger, flushEveryMs: 0, purgeEveryMs: 0 });
  });
  afterAll(async () => {
    await log?.close();
    server?.remove();
  });

  it('keeps answering, warns once, and writes the queued questions when the server is back', async () => {
    const app = createHttpApp({ engine: engine(), config: testConfig(), logger, questionLog: log });
    const askOk = async (question: string) => {
      const res = await postAsk(app, { question });
      expect(res.status, question).toBe(200);
      return (await res.json()) as { questionId: string };
    };

    const before = await askOk('网站公开了多少条?');
    expect(await log.flush()).toBe(true);

    server.stop();
    const during = await askOk('开了多少次新闻发布会?');
    const feedback = await app.request('/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ questionId: during.questionId, rating: 'down' }) });
    expect(feedback.status).toBe(202);
    expect(await log.flush()).toBe(false);
    await askOk('依申请公开多少件?');
    expect(await log.flush()).toBe(false);
    expect(lines.filter((l) => l.event === 'question_log.unavailable')).toHaveLength(1);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);

    server.start();
    expect(await log.flush()).toBe(true);
    expect(lines.map((l) => l.event)).toContain('question_log.recovered');
    const rows = await storage.questions({ since: 0, filter: 'all', limit: 10 });
    expect(rows.map((r) => r.text).sort()).toEqual(['依申请公开多少件?', '开了多少次新闻发布会?', '网站公开了多少条?'].sort());
    expect(rows.find((r) => r.id === during.questionId)?.rating).toBe('down');
    expect(rows.find((r) => r.id === before.questionId)?.rating).toBeNull();
  });
});
