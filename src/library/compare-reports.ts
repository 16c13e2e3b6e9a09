import type { Engine } from '../engine/index.js';
import type { Fact } from '../knowledge/schema.js';
import { simplify } from '../text/script.js';
import type { Answer } from '../types.js';
import type { PackInfo } from './pack-info.js';

/** One side of a comparison: the pack, its engine's answer to the topic, and the fact that answer checks. */
export interface Side {
  pack: PackInfo;
  answer: Answer;
  fact: Fact | undefined;
}

/** What two answers allow: a difference, two figures that count different things, or no pair of figures. */
export type Comparison = { kind: 'difference'; earlier: Side & { fact: Fact }; later: Side & { fact: Fact }; diff: number } | { kind: 'incomparable' } | { kind: 'missing' };

/** The fact an engine's answer rests on (the rule's `checks`), when it is a stated figure of the pack. */
export function factOf(engine: Engine, answer: Answer): Fact | undefined {
  if (answer.outcome !== 'answered' || !answer.intent) return undefined;
  const { knowledge } = engine;
  const intent = knowledge.intents.find((i) => i.id === answer.intent);
  if (!intent?.checks) return undefined;
  const fact = knowledge.facts.find((f) => f.id === intent.checks);
  return fact && !fact.none ? fact : undefined;
}

const sameLabel = (a: Fact, b: Fact) => simplify(a.label.zh) === simplify(b.label.zh) || a.label.en.toLowerCase() === b.label.en.toLowerCase();

/**
 * Two reports' figures are comparable only when they count the same thing: the same unit and the
 * same label (or the same rule of a curated pair). The difference is later minus earlier, from the
 * two stated values alone, so every number in the reply stands in one of the two quotes or is their
 * difference.
 */
export function compareSides(a: Side, b: Side): Comparison {
  if (!a.fact || !b.fact) return { kind: 'missing' };
  const sameThing = a.fact.unit.zh === b.fact.unit.zh && (sameLabel(a.fact, b.fact) || (a.answer.intent !== null && a.answer.intent === b.answer.intent));
  if (!sameThing) return { kind: 'incomparable' };
  const [earlier, later] = (a.pack.year <= b.pack.year ? [a, b] : [b, a]) as [Side & { fact: Fact }, Side & { fact: Fact }];
  const diff = Math.round((later.fact.value - earlier.fact.value) * 1e6) / 1e6;
  return { kind: 'difference', earlier, later, diff };
}
