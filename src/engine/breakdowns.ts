import type { Intent, Knowledge } from '../knowledge/schema.js';
import { wordMatcher } from '../text/clauses.js';
import { simplify } from '../text/script.js';
import type { NamedPlace } from './places.js';
import type { Understood } from './understand.js';

/** A restated figure this small ("分别有2个") is more often a count of the question's own than the report's. */
const MIN_RESTATED = 10;
const DIGITS = /\d+(?:\.\d+)?/g;

/** The figures a rule's quotes write in digits, other than `whole`. */
function partsIn(intent: Intent, whole: number): number[] {
  const parts: number[] = [];
  for (const c of intent.cite) for (const [n] of c.quote.matchAll(DIGITS)) if (Number(n) !== whole && Number(n) < whole) parts.push(Number(n));
  return parts;
}

/** Whether two or three of `parts` add up to `whole`: the report then says how it splits. */
function addsUp(parts: readonly number[], whole: number): boolean {
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const two = (parts[i] ?? 0) + (parts[j] ?? 0);
      if (two === whole) return true;
      for (let k = j + 1; k < parts.length; k++) if (two + (parts[k] ?? 0) === whole) return true;
    }
  }
  return false;
}

/**
 * Questions that ask for a part of a figure the report gives only whole: "13126条信息每个月分别公开了多少"
 * (a split of a figure the question restates) and "奈曼旗自己开了几场" (one place of the whole the
 * rule counts). Each names the rule whose whole figure is all the report has.
 */
export function createBreakdownReader(knowledge: Knowledge, figureOf: (id: string) => number | undefined) {
  const asksSplit = wordMatcher(knowledge.scope.splitMarkers?.zh ?? [], knowledge.scope.splitMarkers?.en ?? []);
  const byFigure = new Map<number, Intent>();
  for (const intent of knowledge.intents) {
    const value = intent.checks === undefined ? undefined : figureOf(intent.checks);
    if (value !== undefined && value >= MIN_RESTATED && !byFigure.has(value)) byFigure.set(value, intent);
  }
  const mentions = (intent: Intent, place: NamedPlace) =>
    [intent.reply.zh, ...intent.cite.map((c) => c.quote)].some((t) => {
      const plain = simplify(t);
      return place.spellings.some((w) => plain.includes(w));
    });
  return {
    /** The rule of a figure the question restates and asks to split, when the report gives no parts of it. */
    unsplit(u: Understood): Intent | undefined {
      if (u.yesNo || !asksSplit(u.form)) return undefined;
      for (const n of u.extraction.numbers) {
        const intent = byFigure.get(n);
        if (intent && !addsUp(partsIn(intent, n), n)) return intent;
      }
      return undefined;
    },
    /** A place or body the question asks about that the rule's reply and quotes never name. */
    placeNotIn(u: Understood, intent: Intent): string | undefined {
      return u.namedPlaces.find((place) => !mentions(intent, place))?.name;
    },
  };
}

export type BreakdownReader = ReturnType<typeof createBreakdownReader>;
