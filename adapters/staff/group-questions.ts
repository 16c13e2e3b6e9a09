import { simplify } from '../../src/text/script.js';
import type { Channel, LoggedQuestion } from '../storage/index.js';
import type { Outcome } from '../../src/types.js';

/** Questions this alike (Dice coefficient of their character pairs) are one wording. */
export const SIMILAR = 0.6;
const MAX_VARIANTS = 5;

/** One wording and the questions asked in it or in a close variant. */
export interface QuestionGroup {
  /** The most frequent wording of the group (the newest among equals). */
  wording: string;
  /** Other wordings, most recent first, at most five. */
  variants: string[];
  count: number;
  first: number;
  last: number;
  outcomes: Partial<Record<Outcome, number>>;
  channels: Partial<Record<Channel, number>>;
}

/** What two questions are compared on: simplified, lower-case, letters and digits only. */
export function wordingKey(text: string): string {
  return simplify(text.normalize('NFKC').toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, '');
}

function pairs(key: string): Set<string> {
  const chars = [...key];
  if (chars.length < 2) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const p of a) if (b.has(p)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

interface Building {
  pairs: Set<string>;
  members: LoggedQuestion[];
}

/**
 * Groups questions by similar wording, so staff see "asked 14 times" instead of 14 rows: the
 * same words after simplification and case folding are one group, and a question joins the most
 * similar group at or above SIMILAR. Groups come most asked first, then most recent.
 */
export function groupQuestions(questions: readonly LoggedQuestion[]): QuestionGroup[] {
  const groups: Building[] = [];
  const byKey = new Map<string, Building>();
  for (const q of questions) {
    const key = wordingKey(q.text);
    let group = byKey.get(key);
    if (!group) {
      const own = pairs(key);
      let best: { group: Building; score: number } | undefined;
      for (const g of groups) {
        const score = dice(own, g.pairs);
        if (score >= SIMILAR && (!best || score > best.score)) best = { group: g, score };
      }
      group = best?.group;
      if (!group) {
        group = { pairs: own, members: [] };
        groups.push(group);
      }
      byKey.set(key, group);
    }
    group.members.push(q);
  }
  return groups.map(({ members }) => summarise(members)).sort((a, b) => b.count - a.count || b.last - a.last);
}

function summarise(members: LoggedQuestion[]): QuestionGroup {
  const newestFirst = [...members].sort((a, b) => b.askedAt - a.askedAt);
  const counts = new Map<string, number>();
  for (const m of newestFirst) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const wordings = [...counts.keys()];
  const wording = wordings.reduce((best, text) => ((counts.get(text) ?? 0) > (counts.get(best) ?? 0) ? text : best), wordings[0] ?? '');
  const outcomes: QuestionGroup['outcomes'] = {};
  const channels: QuestionGroup['channels'] = {};
  for (const m of members) {
    outcomes[m.outcome] = (outcomes[m.outcome] ?? 0) + 1;
    channels[m.channel] = (channels[m.channel] ?? 0) + 1;
  }
  return {
    wording,
    variants: wordings.filter((w) => w !== wording).slice(0, MAX_VARIANTS),
    count: members.length,
    first: Math.min(...members.map((m) => m.askedAt)),
    last: Math.max(...members.map((m) => m.askedAt)),
    outcomes,
    channels,
  };
}
