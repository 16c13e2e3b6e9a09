import type { Lang, Outcome } from '../../src/types.js';

/** Where a question came in. */
export type Channel = 'web' | 'telegram' | 'wechat';

/** A thumb on an answer. */
export type Rating = 'up' | 'down';

/**
 * One logged question: what was asked and what the engine did with it, read from its Answer.
 * No name, account, chat id or address: `conversation` is a salted hash that changes daily.
 */
export interface QuestionRecord {
  /** Random id, handed to the asker's client so feedback can name the question. */
  id: string;
  askedAt: number;
  channel: Channel;
  /** The knowledge pack's meta id (which report was asked about). */
  report: string;
  text: string;
  outcome: Outcome;
  intent: string | null;
  /** The rule the engine matched (Answer.explain.rule). */
  rule: string | null;
  confidence: number;
  /** The script the question was written in, which the reply follows. */
  lang: Lang;
  conversation: string;
  /** Section ids the answer cited. */
  citations: string[];
}

/** Feedback on one logged question; a later thumb on the same question replaces the earlier one. */
export interface FeedbackRecord {
  questionId: string;
  rating: Rating;
  comment: string | null;
  givenAt: number;
}

/** A question as the staff console reads it, with its feedback if any. */
export interface LoggedQuestion extends QuestionRecord {
  rating: Rating | null;
  comment: string | null;
}

/**
 * Which questions to read: all of them, those the bot could not answer or was unsure of
 * (unknown, out of scope, clarify, or answered below LOW_CONFIDENCE), or those given a thumbs-down.
 */
export type QuestionFilter = 'all' | 'unanswered' | 'thumbs_down';

/** Answers below this confidence count as unsure and join the unanswered list. */
export const LOW_CONFIDENCE = 0.6;

export interface QuestionQuery {
  /** Only questions asked at or after this time (ms since the epoch). */
  since: number;
  filter: QuestionFilter;
  /** Newest first, at most this many. */
  limit: number;
}

/** Questions of one day, outcome and channel. `day` counts days since the epoch in the asked zone. */
export interface DailyCount {
  day: number;
  outcome: Outcome;
  channel: Channel;
  count: number;
}

/** What one flush writes, in one transaction: questions first, so feedback can find them. */
export interface WriteBatch {
  questions: QuestionRecord[];
  feedback: FeedbackRecord[];
}

/**
 * The storage port: the few things the question log and the staff console need, so SQLite and
 * PostgreSQL are interchangeable behind it and run the same test suite. Every method may reject
 * when the database is unreachable; callers decide what that means (the log only warns).
 */
export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies the migrations not yet applied, in order; resolves with the versions it applied. */
  migrate(): Promise<number[]>;
  write(batch: WriteBatch): Promise<void>;
  /** Deletes questions asked before `before` and their feedback; resolves with the questions deleted. */
  purge(before: number): Promise<number>;
  questions(query: QuestionQuery): Promise<LoggedQuestion[]>;
  /** Counts per day (shifted by `offsetMs` from UTC, so days are the staff's local days), outcome and channel. */
  counts(since: number, offsetMs: number): Promise<DailyCount[]>;
  close(): Promise<void>;
}
