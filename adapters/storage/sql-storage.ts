import type { Lang, Outcome } from '../../src/types.js';
import { readMigrations, type Migration } from './migrations.js';
import type { SqlDriver, Statement } from './sql-driver.js';
import {
  LOW_CONFIDENCE,
  type Channel,
  type DailyCount,
  type LoggedQuestion,
  type QuestionFilter,
  type Rating,
  type Storage,
  type WriteBatch,
} from './types.js';

const DAY_MS = 86_400_000;

const CREATE_VERSIONS = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

const INSERT_QUESTION = `INSERT INTO questions
  (id, asked_at, channel, report, text, outcome, intent, rule, confidence, lang, conversation, citations)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO NOTHING`;

// Feedback on a question the log does not hold (never logged, or purged) is dropped. The casts
// tell PostgreSQL the types a bare SELECT of parameters cannot infer.
const UPSERT_FEEDBACK = `INSERT INTO feedback (question_id, rating, comment, given_at)
  SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT) WHERE EXISTS (SELECT 1 FROM questions WHERE id = ?)
  ON CONFLICT (question_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, given_at = excluded.given_at`;

const FILTERS: Record<QuestionFilter, string> = {
  all: '1 = 1',
  unanswered: `(q.outcome IN ('unknown', 'out_of_scope', 'clarify') OR q.confidence < ${LOW_CONFIDENCE})`,
  thumbs_down: `f.rating = 'down'`,
};

const num = (v: unknown): number => Number(v);
const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toQuestion(row: Record<string, unknown>): LoggedQuestion {
  return {
    id: String(row['id']),
    askedAt: num(row['asked_at']),
    channel: String(row['channel']) as Channel,
    report: String(row['report']),
    text: String(row['text']),
    outcome: String(row['outcome']) as Outcome,
    intent: textOrNull(row['intent']),
    rule: textOrNull(row['rule']),
    confidence: num(row['confidence']),
    lang: String(row['lang']) as Lang,
    conversation: String(row['conversation']),
    citations: JSON.parse(String(row['citations'])) as string[],
    rating: textOrNull(row['rating']) as Rating | null,
    comment: textOrNull(row['comment']),
  };
}

/**
 * The storage port over any SqlDriver: the queries are written once, in SQL that SQLite and
 * PostgreSQL both run, so both databases behave alike and pass the same tests.
 */
export function createSqlStorage(driver: SqlDriver, migrations: Migration[] = readMigrations(), clock: () => number = Date.now): Storage {
  return {
    kind: driver.kind,
    async migrate() {
      await driver.transaction([{ sql: CREATE_VERSIONS }]);
      const done = new Set((await driver.all('SELECT version FROM schema_migrations')).map((r) => num(r['version'])));
      const applied: number[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await driver.transaction([
          { sql: m.sql },
          { sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', params: [m.version, m.name, clock()] },
        ]);
        applied.push(m.version);
      }
      return applied;
    },
    async write({ questions, feedback }: WriteBatch) {
      const statements: Statement[] = [
        ...questions.map((q) => ({
          sql: INSERT_QUESTION,
          params: [q.id, q.askedAt, q.channel, q.report, q.text, q.outcome, q.intent, q.rule, q.confidence, q.lang, q.conversation, JSON.stringify(q.citations)],
        })),
        ...feedback.map((f) => ({ sql: UPSERT_FEEDBACK, params: [f.questionId, f.rating, f.comment, f.givenAt, f.questionId] })),
      ];
      if (statements.length > 0) await driver.transaction(statements);
    },
    async purge(before) {
      const [, deleted = 0] = await driver.transaction([
        { sql: 'DELETE FROM feedback WHERE question_id IN (SELECT id FROM questions WHERE asked_at < ?)', params: [before] },
        { sql: 'DELETE FROM questions WHERE asked_at < ?', params: [before] },
      ]);
      return deleted;
    },
    async questions({ since, filter, limit }) {
      const rows = await driver.all(
        `SELECT q.*, f.rating, f.comment FROM questions q LEFT JOIN feedback f ON f.question_id = q.id
         WHERE q.asked_at >= ? AND ${FILTERS[filter]} ORDER BY q.asked_at DESC, q.id LIMIT ?`,
        [since, limit],
      );
      return rows.map(toQuestion);
    },
    async counts(since, offsetMs): Promise<DailyCount[]> {
      const rows = await driver.all(
        `SELECT (asked_at + CAST(? AS BIGINT)) / ${DAY_MS} AS day, outcome, channel, COUNT(*) AS n FROM questions
         WHERE asked_at >= ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [offsetMs, since],
      );
      return rows.map((r) => ({ day: Math.floor(num(r['day'])), outcome: String(r['outcome']) as Outcome, channel: String(r['channel']) as Channel, count: num(r['n']) }));
    },
    close: () => driver.close(),
  };
}
