import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createQuestionLog, openStorage, type Storage } from '../../adapters/storage/index.js';
import { maskPersonal } from '../../adapters/storage/mask-personal.js';
import { createConversationKeys } from '../../adapters/storage/conversation-key.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { recordingLogger } from '../http/helpers.js';
import { testEngine } from '../support/engine.js';

const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-qlog-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshStorage = (): Storage => openStorage({ SQLITE_FILE: join(dir, `log-${++files}.sqlite`) }, dir, silentLogger);

function clockAt(start: number) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe('question log', () => {
  const engine = testEngine();

  it('queues without writing, then writes a batch holding what the Answer gave', async () => {
    const storage = freshStorage();
    const clock = clockAt(Date.UTC(2026, 11, 1, 9));
    const log = createQuestionLog({ storage, report: engine.knowledge.meta.id, retentionDays: 90, logger: silentLogger, clock: clock.now, flushEveryMs: 0, purgeEveryMs: 0 });
    const answer = engine.ask({ text: '网站公开了多少条?', session: 's1' });
    const id = log.record({ channel: 'web', conversation: 'browser-session-123', text: ' 网站公开了多少条? ', answer });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await storage.migrate();
    expect(await storage.questions({ since: 0, filter: 'all', limit: 10 })).toEqual([]);

    expect(await log.flush()).toBe(true);
    const [row] = await storage.questions({ since: 0, filter: 'all', limit: 10 });
    expect(row).toMatchObject({
      id,
      askedAt: clock.now(),
      channel: 'web',
      report: 'tongliao-2011',
      text: '网站公开了多少条?',
      outcome: answer.outcome,
      intent: answer.intent,
      rule: answer.explain.rule,
      confidence: answer.confidence,
      lang: 'zh-Hans',
      citations: [...new Set(answer.citations.map((c) => c.sectionId))],
      rating: null,
    });
    expect(row?.conversation).not.toContain('browser-session-123');
    await log.close();
  });

  it('writes a full batch of 500 at once, not at the timer\'s next tick, so entries do not pile up for seconds', async () => {
    const storage = freshStorage();
    const log = createQuestionLog({ storage, report: 'r', retentionDays: 90, logger: silentLogger, flushEveryMs: 60_000, purgeEveryMs: 0 });
    const answer = engine.ask({ text: '残疾人补贴怎么领?' });
    await storage.migrate();
    for (let i = 0; i < 499; i++) log.record({ channel: 'web', conversation: `c${i}`, text: 'q', answer });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await storage.questions({ since: 0, filter: 'all', limit: 1000 })).toHaveLength(0);
    log.record({ channel: 'web', conversation: 'c499', text: 'q', answer });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await storage.questions({ since: 0, filter: 'all', limit: 1000 })).toHaveLength(500);
    await log.close();
  });

  it('writes a backlog in several transactions, all of it, feedback after its question', async () => {
    const storage = freshStorage();
    const log = createQuestionLog({ storage, report: 'r', retentionDays: 90, logger: silentLogger, flushEveryMs: 0, purgeEveryMs: 0 });
    const answer = engine.ask({ text: '残疾人补贴怎么领?' });
    let last = '';
    for (let i = 0; i < 1_200; i++) last = log.record({ channel: 'web', conversation: `c${i % 7}`, text: `问题 ${i}`, answer });
    log.feedback({ questionId: last, rating: 'up' });
    expect(await log.flush()).toBe(true);
    const rows = await storage.questions({ since: 0, filter: 'all', limit: 5_000 });
    expect(rows).toHaveLength(1_200);
    expect(rows.find((r) => r.id === last)?.rating).toBe('up');
    await log.close();
  });

  it('stores feedback against the logged question, its comment on one line', async () => {
    const storage = freshStorage();
    const log = createQuestionLog({ storage, report: 'r', retentionDays: 90, logger: silentLogger, flushEveryMs: 0, purgeEveryMs: 0 });
    const id = log.record({ channel: 'telegram', conversation: 'telegram:42:42', text: '明年呢?', answer: engine.ask({ text: '明年呢?' }) });
    log.feedback({ questionId: id, rating: 'down', comment: '  不对\n 应该是\t2012 年  ' });
    await log.flush();
    const [row] = await storage.questions({ since: 0, filter: 'thumbs_down', limit: 10 });
    expect(row).toMatchObject({ id, rating: 'down', comment: '不对 应该是 2012 年' });
    await log.close();
  });

  it('never stores an e-mail address or a phone or ID number a citizen typed', async () => {
    expect(maskPersonal('我的电话13800138000,邮箱 zhang.san@example.com.cn,身份证15010219800101123X')).toBe('我的电话[number],邮箱 [email],身份证[number]');
    expect(maskPersonal('138 0013 8000 打给我')).toBe('[number] 打给我');
    expect(maskPersonal('2011年网站公开了13126条')).toBe('2011年网站公开了13126条');
  });

  it('keys a conversation the same all day, and differently the next day (the salt rotates)', () => {
    const clock = clockAt(Date.UTC(2026, 11, 1, 0, 5));
    const keyOf = createConversationKeys(clock.now);
    const morning = keyOf('telegram:123456789:987654321');
    clock.advance(20 * 3_600_000);
    expect(keyOf('telegram:123456789:987654321')).toBe(morning);
    expect(keyOf('telegram:123456789:111')).not.toBe(morning);
    clock.advance(4 * 3_600_000);
    expect(keyOf('telegram:123456789:987654321')).not.toBe(morning);
    expect(morning).not.toMatch(/123456789|987654321/);
  });

  it('purges questions older than QUESTION_LOG_DAYS, keeping the rest', async () => {
    const storage = freshStorage();
    const clock = clockAt(Date.UTC(2026, 0, 1));
    const log = createQuestionLog({ storage, report: 'r', retentionDays: 90, logger: silentLogger, clock: clock.now, flushEveryMs: 0, purgeEveryMs: 0 });
    const answer = engine.ask({ text: '网站公开了多少条?' });
    const old = log.record({ channel: 'web', conversation: 'a', text: 'old', answer });
    clock.advance(10 * DAY);
    const recent = log.record({ channel: 'web', conversation: 'a', text: 'recent', answer });
    await log.flush();
    clock.advance(85 * DAY); // the first is 95 days old, the second 85
    expect(await log.purge()).toBe(1);
    expect((await storage.questions({ since: 0, filter: 'all', limit: 10 })).map((r) => r.id)).toEqual([recent]);
    expect(old).not.toBe(recent);
    await log.close();
  });

  it('runs the purge at start and then daily, migrating first', async () => {
    const storage = freshStorage();
    const { logger, lines } = recordingLogger();
    const log = createQuestionLog({ storage, report: 'r', retentionDays: 30, logger, flushEveryMs: 0 });
    await expect.poll(() => lines.map((l) => l.event)).toContain('question_log.purged');
    expect(lines.map((l) => l.event)).toContain('question_log.migrated');
    await log.close();
  });

  it('a database that fails costs one warning and keeps the queue; answers never see it', async () => {
    const storage = freshStorage();
    const { logger, lines } = recordingLogger();
    const log = createQuestionLog({ storage, report: 'r', retentionDays: 90, logger, flushEveryMs: 0, purgeEveryMs: 0, maxQueued: 2 });
    await storage.close(); // the driver now refuses every statement
    const answer = engine.ask({ text: '网站公开了多少条?' });
    for (const text of ['a', 'b', 'c']) expect(() => log.record({ channel: 'web', conversation: 'x', text, answer })).not.toThrow();
    expect(await log.flush()).toBe(false);
    expect(await log.flush()).toBe(false);
    const warnings = lines.filter((l) => l.level === 'warn');
    expect(warnings.map((l) => l.event)).toEqual(['question_log.unavailable']);
    expect(warnings[0]?.fields['queued']).toBe(2);
    await log.close();
    expect(lines.map((l) => l.event)).toContain('question_log.unwritten');
  });
});
