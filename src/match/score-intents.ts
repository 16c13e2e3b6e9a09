import type { Intent } from '../knowledge/schema.js';
import type { Reading } from '../types.js';

/** Each concept a question has that the intent does not use costs this much: specific rules win. */
const UNEXPLAINED_CONCEPT_COST = 0.3;

/** Scores that a number in the question adds to rules whose figure it equals ("9个是什么?"). */
const NUMBER_EVIDENCE = 2;
/** A figure within this fraction of a rule's own is a rough guess at it, worth this much. */
const NEAR = 0.1;
const NEAR_EVIDENCE = 1;

export interface ScoringInput {
  concepts: ReadonlySet<string>;
  numbers: readonly number[];
  /** The question's character pairs, for rules that carry the report's own words (`surface`). */
  pairs?: ReadonlySet<string>;
}

/** What the question's character pairs, shared with a rule's own words, add at most. */
const SURFACE_EVIDENCE = 2;

/** Character pairs of Chinese text (the engine's matching form), the unit of surface similarity. */
export function charPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  const han = text.replace(/[^\p{Script=Han}a-z0-9]+/gu, ' ');
  for (let i = 0; i + 1 < han.length; i++) if (han[i] !== ' ' && han[i + 1] !== ' ') pairs.add(han.slice(i, i + 2));
  return pairs;
}

const surfaceCache = new WeakMap<Intent, Set<string>>();

/** The share of a rule's own character pairs that the question has (0…1). */
function surfaceOverlap(intent: Intent, pairs: ReadonlySet<string>): number {
  if (!intent.surface) return 0;
  let own = surfaceCache.get(intent);
  if (!own) surfaceCache.set(intent, (own = charPairs(intent.surface)));
  if (own.size === 0) return 0;
  // The pairs both have, counted over the smaller set (a question's dozen, not a rule's hundred).
  let shared = 0;
  if (pairs.size < own.size) {
    for (const p of pairs) if (own.has(p)) shared++;
  } else for (const p of own) if (pairs.has(p)) shared++;
  return shared / Math.sqrt(own.size * Math.max(pairs.size, 1));
}

/** The question's concepts a rule weighs, in the question's order. */
function matchedOf(concepts: readonly string[], weights: Readonly<Record<string, number>>): string[] {
  const matched: string[] = [];
  for (const c of concepts) if (weights[c] !== undefined) matched.push(c);
  return matched;
}

/**
 * A pack's rules indexed by the concepts of their `none` lists and `all` groups, built once per
 * list of rules: a question's few concepts then tell which rules they rule out and which groups
 * they meet, instead of every rule testing every concept of its lists against the question.
 */
interface ConceptIndex {
  /** Concept → the rules (by position) it rules out. */
  none: Map<string, number[]>;
  /** Concept → the `all` groups (numbered across rules) it meets. */
  groups: Map<string, number[]>;
  /** Group number → the rule (by position) it belongs to. */
  groupOf: Int32Array;
  /**
   * Scratch counts of one scoring, cleared at its start: allocated once per pack instead of three
   * typed arrays per scoring (scoring never runs inside another, so one set serves every call).
   */
  ruledOut: Uint8Array;
  groupsMet: Int32Array;
  met: Uint8Array;
}

const conceptIndexes = new WeakMap<readonly Intent[], ConceptIndex>();

function conceptIndexOf(intents: readonly Intent[]): ConceptIndex {
  let index = conceptIndexes.get(intents);
  if (index) return index;
  const none = new Map<string, number[]>();
  const groups = new Map<string, number[]>();
  const owners: number[] = [];
  const add = (map: Map<string, number[]>, key: string, value: number) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  intents.forEach((intent, i) => {
    for (const c of intent.match.none) add(none, c, i);
    for (const group of intent.match.all) {
      const g = owners.length;
      owners.push(i);
      for (const c of group) add(groups, c, g);
    }
  });
  index = { none, groups, groupOf: Int32Array.from(owners), ruledOut: new Uint8Array(intents.length), groupsMet: new Int32Array(intents.length), met: new Uint8Array(owners.length) };
  conceptIndexes.set(intents, index);
  return index;
}

/** A rule's figure, when it has one, so a number in the question can point at it. */
export type FigureOf = (intent: Intent) => number | undefined;

/**
 * Ranks the rules a question satisfies: every `all` group must be met (or the question names the
 * rule's figure) and no `none` concept be present; the score is the sum of matched weights, plus
 * evidence from a named figure, minus a small cost for each concept the rule leaves unexplained.
 * `loose` drops the `all` groups, to find options for a question too vague to answer ("多少次?").
 */
export function scoreIntents(intents: readonly Intent[], input: ScoringInput, figureOf: FigureOf, loose = false): Reading[] {
  const readings: Reading[] = [];
  // A figure counts only against a number in the question; without one, no rule's figure is computed.
  const hasNumbers = input.numbers.length > 0;
  // Plain loops, not some/every with arrow functions: this runs for every rule of the pack, twice
  // or more a question, and the closures were most of what a question allocated. Which rules the
  // question's concepts rule out or satisfy is read from the pack's index, by concept.
  const index = conceptIndexOf(intents);
  const { ruledOut, groupsMet, met } = index;
  ruledOut.fill(0);
  groupsMet.fill(0);
  met.fill(0);
  // The question's concepts as an array, read once: a Set's iterator per rule tried was most of
  // what scoring allocated.
  const concepts = [...input.concepts];
  for (const c of concepts) {
    const out = index.none.get(c);
    if (out) for (const i of out) ruledOut[i] = 1;
    const groups = index.groups.get(c);
    if (groups) {
      for (const g of groups) {
        if (met[g] === 1) continue;
        met[g] = 1;
        const owner = index.groupOf[g] ?? 0;
        groupsMet[owner] = (groupsMet[owner] ?? 0) + 1;
      }
    }
  }
  for (let i = 0; i < intents.length; i++) {
    const intent = intents[i] as Intent;
    if (ruledOut[i] === 1) continue;
    const { all, weights } = intent.match;
    const byWords = groupsMet[i] === all.length;
    if (!loose && !hasNumbers && !byWords) continue;
    const figure = hasNumbers ? figureOf(intent) : undefined;
    const namesFigure = figure !== undefined && input.numbers.includes(figure);
    // A rough guess ("大概一万三千条吧") points at the figures it is close to, more weakly.
    const nearFigure = !namesFigure && figure !== undefined && figure > 0 && input.numbers.some((n) => Math.abs(n - figure) / figure <= NEAR);
    if (!loose && !namesFigure && !nearFigure && !byWords) continue;
    let score = 0;
    let unexplained = 0;
    for (let k = 0; k < concepts.length; k++) {
      const w = weights[concepts[k] as string];
      if (w !== undefined) score += w;
      else unexplained++;
    }
    score -= unexplained * UNEXPLAINED_CONCEPT_COST;
    // A figure alone ("9个是什么?", "13126是什么数字?") points at a rule, but weaker than the rule's
    // own words: a wrong guess ("听说只开了8次发布会") must not pull the answer to its figure's rule.
    if (namesFigure) score = byWords ? score + NUMBER_EVIDENCE : NUMBER_EVIDENCE + Math.max(0, score) / 2;
    else if (nearFigure) score = byWords ? score + NEAR_EVIDENCE : NEAR_EVIDENCE + Math.max(0, score) / 2;
    if (input.pairs && intent.surface) score += SURFACE_EVIDENCE * surfaceOverlap(intent, input.pairs);
    // The matched concepts are listed only for a reading kept: most rules tried score nothing.
    if (score > 0) readings.push({ intent: intent.id, score: Math.round(score * 100) / 100, matched: matchedOf(concepts, weights) });
  }
  return readings.sort((a, b) => b.score - a.score);
}
