import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackRecord, QuestionRecord, Storage } from '../../adapters/storage/index.js';

const DAY = 86_400_000;
/** 1 December 2026, 10:00 UTC. */
export const NOW = Date.UTC(2026, 11, 1, 10);

let serial = 0;
/** A logged question with sensible defaults; ids are unique within a run. */
export function question(overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  serial += 1;
  return {
    id: `q-${serial}-${Math.random().toString(36).slice(2, 8)}`,
    askedAt: NOW,
    channel: 'web',
    report: 'tongliao-2011',
    text: '网站公开了多少条?',
    outcome: 'answered',
    intent: 'website-items',
    rule: 'website-items',
    confidence: 0.9,
    lang: 'zh-Hans',
    conversation: 'k1',
    citations: ['proactive'],
    ...overrides,
  };
}

const thumb = (q: QuestionRecord, rating: 'up' | 'down', comment: string | null = null, givenAt = NOW): FeedbackRecord => ({ questionId: q.id, rating, comment, givenAt });

/**
 * The storage port's contract, run against every database (SQLite and PostgreSQL) so both
 * behave alike. `open` gives a fresh, empty database.
 */
export function storageSuite(open: () => Promise<Storage>): void {
  let storage: Storage;
  beforeAll(async () => {
    storage = await open();
  });
  afterAll(async () => {
    await storage?.close();
  });

  describe('migrations', () => {
    it('applies every migration once, in order, and nothing the second time', async () => {
      expect(await storage.migrate()).toEqual([1]);
      expect(await storage.migrate()).toEqual([]);
    });
  });

  describe('questions and feedback', () => {
    it('reads back what it wrote, field for field, newest first', async () => {
      const older = question({ askedAt: NOW - 1000, text: '第一问', intent: null, rule: null, outcome: 'unknown', confidence: 0, citations: [] });
      const newer = question({ askedAt: NOW, text: 'How many press conferences?', lang: 'en', channel: 'telegram', citations: ['a', 'b'] });
      await storage.write({ questions: [older, newer], feedback: [] });
      const rows = (await storage.questions({ since: NOW - 2000, filter: 'all', limit: 10 })).filter((r) => r.id === older.id || r.id === newer.id);
      expect(rows).toEqual([
        { ...newer, rating: null, comment: null },
        { ...older, rating: null, comment: null },
      ]);
    });

    it('writing the same question twice keeps one (a retried batch is harmless)', async () => {
      const q = question({ askedAt: NOW - 5000 });
      await storage.write({ questions: [q], feedback: [] });
      await storage.write({ questions: [q], feedback: [] });
      const rows = await storage.questions({ since: NOW - 5000, filter: 'all', limit: 100 });
      expect(rows.filter((r) => r.id === q.id)).toHaveLength(1);
    });

    it('stores feedback against its question; a later thumb replaces the earlier one', async () => {
      const q = question({ askedAt: NOW - 3000 });
      await storage.write({ questions: [q], feedback: [thumb(q, 'up')] });
      await storage.write({ questions: [], feedback: [thumb(q, 'down', '数字不对', NOW + 1)] });
      const row = (await storage.questions({ since: NOW - 3000, filter: 'all', limit: 100 })).find((r) => r.id === q.id);
      expect(row).toMatchObject({ rating: 'down', comment: '数字不对' });
    });

    it('drops feedback on a question it does not hold, without failing the batch', async () => {
      const q = question({ askedAt: NOW - 4000 });
      await storage.write({ questions: [q], feedback: [thumb(question(), 'down'), thumb(q, 'up')] });
      const row = (await storage.questions({ since: NOW - 4000, filter: 'all', limit: 100 })).find((r) => r.id === q.id);
      expect(row?.rating).toBe('up');
    });

    it('lists unanswered and unsure questions, and thumbs-down answers', async () => {
      const since = NOW + 10 * DAY;
      const at = since + 1;
      const unknown = question({ askedAt: at, outcome: 'unknown', confidence: 0 });
      const away = question({ askedAt: at, outcome: 'out_of_scope', confidence: 0.9 });
      const clarify = question({ askedAt: at, outcome: 'clarify', confidence: 0.5 });
      const unsure = question({ askedAt: at, outcome: 'answered', confidence: 0.55 });
      const sure = question({ askedAt: at, outcome: 'answered', confidence: 0.95 });
      await storage.write({ questions: [unknown, away, clarify, unsure, sure], feedback: [thumb(sure, 'down', 'wrong'), thumb(unknown, 'up')] });
      const ids = async (filter: 'unanswered' | 'thumbs_down') => (await storage.questions({ since, filter, limit: 100 })).map((r) => r.id).sort();
      expect(await ids('unanswered')).toEqual([unknown.id, away.id, clarify.id, unsure.id].sort());
      expect(await ids('thumbs_down')).toEqual([sure.id]);
      expect(await storage.questions({ since, filter: 'all', limit: 2 })).toHaveLength(2);
    });

    it('counts questions per day, outcome and channel, in the given zone', async () => {
      const since = Math.floor((NOW + 20 * DAY) / DAY) * DAY; // midnight UTC
      const dayOf = (t: number, offset: number) => Math.floor((t + offset) / DAY);
      const lateUtc = since + 20 * 3_600_000; // 20:00 UTC: the next day at UTC+8
      await storage.write({
        questions: [
          question({ askedAt: since + 1000 }),
          question({ askedAt: since + 2000 }),
          question({ askedAt: since + 3000, channel: 'telegram', outcome: 'unknown' }),
          question({ askedAt: lateUtc }),
        ],
        feedback: [],
      });
      const utc = await storage.counts(since, 0);
      expect(utc).toEqual([
        { day: dayOf(since, 0), outcome: 'answered', channel: 'web', count: 3 },
        { day: dayOf(since, 0), outcome: 'unknown', channel: 'telegram', count: 1 },
      ]);
      const east8 = await storage.counts(since, 8 * 3_600_000);
      expect(east8).toContainEqual({ day: dayOf(lateUtc, 8 * 3_600_000), outcome: 'answered', channel: 'web', count: 1 });
      expect(east8).toContainEqual({ day: dayOf(since, 8 * 3_600_000), outcome: 'answered', channel: 'web', count: 2 });
    });
  });

  describe('purge', () => {
    it('deletes questions older than the cut-off with their feedback, and keeps the rest', async () => {
      const base = NOW - 400 * DAY;
      const old = question({ askedAt: base });
      const kept = question({ askedAt: base + 2 * DAY });
      await storage.write({ questions: [old, kept], feedback: [thumb(old, 'down'), thumb(kept, 'down')] });
      const deleted = await storage.purge(base + DAY);
      expect(deleted).toBe(1);
      const left = (await storage.questions({ since: 0, filter: 'all', limit: 10_000 })).map((r) => r.id);
      expect(left).toContain(kept.id);
      expect(left).not.toContain(old.id);
      const downs = (await storage.questions({ since: 0, filter: 'thumbs_down', limit: 10_000 })).map((r) => r.id);
      expect(downs).toContain(kept.id);
      expect(downs).not.toContain(old.id);
      expect(await storage.purge(base + DAY)).toBe(0);
    });
  });
}
