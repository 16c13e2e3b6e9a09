import type { Answer } from '../../src/types.js';
import type { Logger } from '../shared/logger.js';
import { createConversationKeys } from './conversation-key.js';
import { maskPersonal } from './mask-personal.js';
import { orderedId } from './ordered-id.js';
import type { Channel, FeedbackRecord, QuestionRecord, Rating, Storage } from './types.js';

const DAY_MS = 86_400_000;

/** One question as an adapter hands it over: what was asked, where, in which conversation, and the Answer. */
export interface AskedQuestion {
  channel: Channel;
  /** The adapter's conversation id; only its daily salted hash is stored. */
  conversation: string;
  text: string;
  answer: Answer;
}

export interface GivenFeedback {
  questionId: string;
  rating: Rating;
  comment?: string | undefined;
}

/**
 * The question log as adapters see it. `record` and `feedback` only queue (microseconds, never a
 * throw); a timer writes the queue in batches, so an answer never waits for the database, and a
 * database that is down costs a warning and a retry, not an error reply.
 */
export interface QuestionLog {
  /** Queues the question; returns the id its feedback will name. */
  record(question: AskedQuestion): string;
  feedback(feedback: GivenFeedback): void;
  /** Writes what is queued now; resolves true when the queue was written (false: kept for the next try). */
  flush(): Promise<boolean>;
  /** Deletes questions older than the retention; resolves with how many. */
  purge(): Promise<number>;
  /** Stops the timers, writes what is left (one try) and closes the database. */
  close(): Promise<void>;
}

export interface QuestionLogOptions {
  storage: Storage;
  /** The knowledge pack's meta id, stored with every question. */
  report: string;
  /** Questions are kept this many days (QUESTION_LOG_DAYS). */
  retentionDays: number;
  logger: Logger;
  clock?: () => number;
  /** How often the queue is written; 0 disables the timer (tests call flush). */
  flushEveryMs?: number;
  /** How often the purge runs; 0 disables the timer (tests call purge). */
  purgeEveryMs?: number;
  /** The queue's bound while the database is away; the oldest entries go first, counted. */
  maxQueued?: number;
}

type Entry = { kind: 'question'; row: QuestionRecord } | { kind: 'feedback'; row: FeedbackRecord };

/** Entries written per transaction. */
const BATCH = 500;

/** Longest feedback comment kept: one line. */
export const MAX_COMMENT_CHARS = 200;

/**
 * Builds the question log over a storage port and starts its timers (unref'd: they never keep
 * the process alive). The schema is migrated before the first write and retried while the
 * database is away. Log lines carry counts and error codes only, never a question or an id.
 */
export function createQuestionLog(options: QuestionLogOptions): QuestionLog {
  const { storage, report, logger } = options;
  const clock = options.clock ?? Date.now;
  const maxQueued = options.maxQueued ?? 10_000;
  const keyOf = createConversationKeys(clock);
  let queue: Entry[] = [];
  let dropped = 0;
  let migrated = false;
  let failing = false;
  let chain: Promise<boolean> = Promise.resolve(true);
  let closed = false;

  // A full batch is written at once rather than at the next tick of the timer: entries kept for
  // seconds outlive V8's young generation and are copied to the old one, which costs more than the
  // write. Without the timer (tests), writes happen only when flush is called.
  const writesOnTheirOwn = (options.flushEveryMs ?? 2_000) > 0;
  let flushSoon = false;
  const enqueue = (entry: Entry) => {
    if (closed) return;
    queue.push(entry);
    if (queue.length >= BATCH && writesOnTheirOwn && !flushSoon && !failing) {
      flushSoon = true;
      setImmediate(() => {
        flushSoon = false;
        void flush();
      });
    }
    if (queue.length > maxQueued) {
      queue.shift();
      dropped += 1;
    }
  };

  async function ready(): Promise<void> {
    if (migrated) return;
    const applied = await storage.migrate();
    migrated = true;
    if (applied.length > 0) logger.info('question_log.migrated', { kind: storage.kind, versions: applied });
  }

  function keepForRetry(batch: Entry[], error: unknown): false {
    queue = [...batch, ...queue];
    const excess = queue.length - maxQueued;
    if (excess > 0) {
      queue.splice(0, excess);
      dropped += excess;
    }
    if (!failing) logger.warn('question_log.unavailable', { kind: storage.kind, queued: queue.length, error, help: 'answers go on; the log retries and writes the queued questions once the database is back' });
    else logger.debug('question_log.retry_failed', { kind: storage.kind, queued: queue.length, dropped });
    failing = true;
    return false;
  }

  /**
   * Writes the queue in transactions of BATCH entries, yielding to the event loop between them: a
   * backlog left by an outage never holds up answers (SQLite writes synchronously).
   */
  async function writeQueue(): Promise<boolean> {
    let written = 0;
    while (queue.length > 0) {
      const batch = queue.slice(0, BATCH);
      queue = queue.slice(batch.length);
      try {
        await ready();
        await storage.write({
          questions: batch.flatMap((e) => (e.kind === 'question' ? [e.row] : [])),
          feedback: batch.flatMap((e) => (e.kind === 'feedback' ? [e.row] : [])),
        });
      } catch (error) {
        return keepForRetry(batch, error);
      }
      written += batch.length;
      if (queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    if (failing || dropped > 0) logger.info('question_log.recovered', { kind: storage.kind, written, dropped });
    failing = false;
    dropped = 0;
    return true;
  }

  function flush(): Promise<boolean> {
    // One write at a time: a flush asked for during one runs after it, with what came since.
    const run = chain.then(writeQueue);
    chain = run;
    return run;
  }

  async function purge(): Promise<number> {
    try {
      await ready();
      const deleted = await storage.purge(clock() - options.retentionDays * DAY_MS);
      logger.info('question_log.purged', { kind: storage.kind, deleted, retentionDays: options.retentionDays });
      return deleted;
    } catch (error) {
      logger.warn('question_log.purge_failed', { kind: storage.kind, error });
      return 0;
    }
  }

  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number | undefined, fallback: number, task: () => Promise<unknown>) => {
    const period = ms ?? fallback;
    if (period > 0) timers.push(setInterval(() => void task(), period).unref());
  };
  every(options.flushEveryMs, 2_000, flush);
  every(options.purgeEveryMs, DAY_MS, purge);
  if ((options.purgeEveryMs ?? DAY_MS) > 0) void purge();

  return {
    record({ channel, conversation, text, answer }) {
      const askedAt = clock();
      const id = orderedId(askedAt);
      enqueue({
        kind: 'question',
        row: {
          id,
          askedAt,
          channel,
          // A library's answer names its pack; a question back names none, and takes the default.
          report: ('report' in answer && typeof answer.report === 'string' && answer.report) || report,
          text: maskPersonal(text.trim()),
          outcome: answer.outcome,
          intent: answer.intent,
          rule: answer.explain.rule,
          confidence: answer.confidence,
          lang: answer.lang,
          conversation: keyOf(`${channel}:${conversation}`),
          citations: [...new Set(answer.citations.map((c) => c.sectionId))],
        },
      });
      return id;
    },
    feedback({ questionId, rating, comment }) {
      const line = comment?.replace(/\s+/g, ' ').trim().slice(0, MAX_COMMENT_CHARS);
      enqueue({ kind: 'feedback', row: { questionId, rating, comment: line ? maskPersonal(line) : null, givenAt: clock() } });
    },
    flush,
    purge,
    async close() {
      if (closed) return;
      for (const timer of timers) clearInterval(timer);
      await flush();
      closed = true;
      if (queue.length > 0) logger.warn('question_log.unwritten', { kind: storage.kind, lost: queue.length });
      await storage.close().catch((error: unknown) => logger.warn('question_log.close_failed', { kind: storage.kind, error }));
    },
  };
}
