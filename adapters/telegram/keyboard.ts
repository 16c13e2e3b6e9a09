import { createHash } from 'node:crypto';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { BoundedMap } from '../../src/session/bounded-map.js';

/** Telegram refuses callback_data longer than this many bytes. */
export const CALLBACK_DATA_LIMIT = 64;
/** Buttons show at most this many characters; longer questions are shortened for display only. */
const LABEL_MAX = 60;
const PREFIX = 'q:';

/**
 * Short ids for the questions behind buttons, since a question rarely fits in 64 bytes of
 * callback_data (a Chinese character takes three). Ids are a hash of the question, so the same
 * question always gets the same id: the report's own questions are pinned at start and their
 * buttons keep working across restarts; other questions live in a bounded map and may expire.
 */
export class QuestionIds {
  readonly #pinned = new Map<string, string>();
  readonly #recent: BoundedMap<string, string>;

  constructor(max = 5_000) {
    this.#recent = new BoundedMap(max);
  }

  static idOf(question: string): string {
    return createHash('sha256').update(question).digest('base64url').slice(0, 12);
  }

  /** Keeps a question's id valid for the life of the process (questions from the knowledge). */
  pin(question: string): string {
    const id = QuestionIds.idOf(question);
    this.#pinned.set(id, question);
    return id;
  }

  /** An id for any question, remembered among the most recent ones. */
  register(question: string): string {
    const id = QuestionIds.idOf(question);
    if (!this.#pinned.has(id)) this.#recent.set(id, question);
    return id;
  }

  questionOf(id: string): string | undefined {
    return this.#pinned.get(id) ?? this.#recent.get(id);
  }
}

/** The callback_data of a button that asks a question. */
export function askData(id: string): string {
  const data = `${PREFIX}${id}`;
  if (Buffer.byteLength(data) > CALLBACK_DATA_LIMIT) throw new RangeError(`callback_data over ${CALLBACK_DATA_LIMIT} bytes: ${data}`);
  return data;
}

/** The question id in a button's callback_data, or undefined for data this bot did not write. */
export function parseAskData(data: string | undefined): string | undefined {
  if (!data?.startsWith(PREFIX)) return undefined;
  const id = data.slice(PREFIX.length);
  return /^[\w-]{1,60}$/.test(id) ? id : undefined;
}

function label(question: string): string {
  const chars = [...question];
  return chars.length <= LABEL_MAX ? question : `${chars.slice(0, LABEL_MAX - 1).join('')}…`;
}

/**
 * One button per row for each question (suggestions, clarify options, examples, report parts), so
 * long Chinese questions stay readable; the button shows the question it asks. Undefined when
 * there is nothing to offer.
 */
export function questionKeyboard(questions: readonly string[], ids: QuestionIds): InlineKeyboardMarkup | undefined {
  const seen = new Set<string>();
  const rows: InlineKeyboardButton[][] = [];
  for (const question of questions) {
    if (!question.trim() || seen.has(question)) continue;
    seen.add(question);
    rows.push([{ text: label(question), callback_data: askData(ids.register(question)) }]);
  }
  return rows.length ? { inline_keyboard: rows } : undefined;
}
