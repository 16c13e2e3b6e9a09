import { BoundedMap } from '../../src/session/bounded-map.js';

const FULL_WIDTH_ZERO = 0xff10;

/** The number a reply consists of (`2`, `２`, `2.`, ` 2 `), or undefined when it is anything else. */
export function parseChoice(text: string): number | undefined {
  const match = /^\s*([0-9\uff10-\uff19]{1,2})\s*[.。、)）]?\s*$/.exec(text);
  if (!match?.[1]) return undefined;
  const digits = [...match[1]].map((ch) => {
    const code = ch.charCodeAt(0);
    return code >= FULL_WIDTH_ZERO ? String(code - FULL_WIDTH_ZERO) : ch;
  });
  return Number(digits.join(''));
}

/** The last suggestions shown in each conversation, so `2` can mean the second of them. */
export interface SuggestionMemory {
  remember(session: string, suggestions: string[]): void;
  /** The suggestion a bare-number reply picks, or undefined (then the text goes to the engine as is). */
  pick(session: string, text: string): string | undefined;
}

/** Bounded like the engine's session store, so memory does not grow with the number of users. */
export function createSuggestionMemory(maxSessions: number): SuggestionMemory {
  const last = new BoundedMap<string, string[]>(maxSessions);
  return {
    remember(session, suggestions) {
      if (suggestions.length > 0) last.set(session, [...suggestions]);
      else last.delete(session);
    },
    pick(session, text) {
      const choice = parseChoice(text);
      if (choice === undefined || choice < 1) return undefined;
      return last.get(session)?.[choice - 1];
    },
  };
}
