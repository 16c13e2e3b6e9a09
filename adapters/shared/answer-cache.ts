import type { Library, LibraryAnswer, LibraryTurn } from '../../src/library/index.js';
import { BoundedMap } from '../../src/session/bounded-map.js';
import type { SessionStore } from '../../src/session/session-store.js';
import type { PackInfo } from '../../src/library/index.js';
import type { SessionContext } from '../../src/types.js';

export interface AnswerCacheOptions {
  /** Distinct questions remembered; the least recently asked is forgotten beyond it. */
  maxEntries: number;
  /** The store the library itself was given: `ask` reads and writes conversations there as the library would. */
  sessions: SessionStore;
  /** The library's clock (milliseconds since the epoch), for the year in the key and the contexts' `at`. */
  clock: () => number;
}

/** What the cache holds of one turn: the answer as the library gave it and the context it left. */
interface Entry {
  answer: LibraryAnswer;
  context: SessionContext | undefined;
}

/** Freezes an answer all the way down, so no caller can change what the next asker is served. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * A library whose answers to questions asked without a conversation context are remembered, so a
 * question many citizens ask ("网站公开了多少条?") is worked out once. Only context-free turns are
 * cached: a question with a stored context (a possible follow-up, "那其他形式呢?") always goes to the
 * library. Without a context an answer depends only on the exact text, the report asked for and the
 * current year (understanding reads 今年/去年 by the clock), which together are the key; the text is
 * kept exactly as sent, not normalized, so two texts the engine might read apart never share an entry.
 * Hot reload replaces the library's `reports()` array, and a new array empties the cache. A hit gets
 * the context the library left, stamped with the current time. Bounded (least recently used).
 */
export function withAnswerCache(library: Library, { maxEntries, sessions, clock }: AnswerCacheOptions): Library {
  let entries = new BoundedMap<string, Entry>(maxEntries);
  let served: readonly PackInfo[] = library.reports();

  const contextFree = (text: string, report: string | undefined, now: number): LibraryTurn => {
    const packs = library.reports();
    if (packs !== served) {
      served = packs;
      entries = new BoundedMap(maxEntries);
    }
    const key = `${new Date(now).getUTCFullYear()}\n${report ?? ''}\n${text}`;
    const hit = entries.get(key);
    if (hit) return { answer: hit.answer, context: hit.context && { ...hit.context, at: now } };
    const turn = library.respond(text, undefined, report);
    // Reading reports() again: a reload during the turn must not leave an answer of the old packs behind.
    if (library.reports() === served) entries.set(key, { answer: deepFreeze(turn.answer), context: turn.context && deepFreeze({ ...turn.context }) });
    return turn;
  };

  return {
    get knowledge() {
      return library.knowledge;
    },
    respond(text, context, report) {
      if (context !== undefined || typeof text !== 'string') return library.respond(text, context, report);
      return contextFree(text, report, clock());
    },
    ask({ text, session, report }) {
      const now = clock();
      const context = session === undefined ? undefined : sessions.get(session, now);
      const turn = context === undefined && typeof text === 'string' ? contextFree(text, report, now) : library.respond(text, context, report);
      if (session !== undefined && turn.context && turn.context !== context) sessions.set(session, { ...turn.context, at: now });
      return turn.answer;
    },
    about: (lang) => library.about(lang),
    warmUp: () => library.warmUp(),
    reports: () => library.reports(),
    defaultReport: () => library.defaultReport(),
    replace: (packs) => library.replace(packs),
  };
}
