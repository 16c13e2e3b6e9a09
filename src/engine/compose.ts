import type { Intent } from '../knowledge/schema.js';
import { clausesOf } from '../text/clauses.js';
import { normalizeText } from '../text/normalize.js';
import { simplify } from '../text/script.js';
import type { SessionContext } from '../types.js';
import type { Decision, Premise } from './decide.js';
import type { Understood } from './understand.js';

/** One reading of a text: what was understood and what to do with it. */
export interface Thought {
  u: Understood;
  d: Decision;
}

export type Think = (text: string, context: SessionContext | undefined) => Thought;

/** Replies that answer nothing: in a story, they may come from its context clauses. */
const REFUSALS = new Set<Decision['kind']>(['other-year', 'other-place', 'other-topic', 'unknown', 'breakdown', 'not-given']);
const ANSWERS = new Set<Decision['kind']>(['answer', 'item', 'sentence', 'compare']);

/** A clause of a message, and whether it asks something (a question mark or an ask marker). */
export interface ReadClause {
  text: string;
  asks: boolean;
}

/** Cuts a message into clauses once, for both the clause reading and the premise check. */
export function readClauses(raw: string, asks: (clause: string) => boolean): ReadClause[] {
  const clauses = clausesOf(normalizeText(typeof raw === 'string' ? raw : ''));
  // One clause is the whole question: whether it asks matters only between clauses.
  if (clauses.length < 2) return clauses.map((c) => ({ text: c.text, asks: true }));
  return clauses.map((c) => ({ text: c.text, asks: c.questionMark || asks(simplify(c.text).toLowerCase()) }));
}

/** A message this long may open with context before its question. */
const STORY_CHARS = 30;
/** Words that compare one year with another: the year is the question, never context. */
const YEAR_CHANGE = /比|增长|增加|减少|下降|上升|变化|同比|相比|较|than|compared|change|increase|decrease|grow/i;

/** The context a clause leaves for the next clause of the same message, as a follow-up would. */
function contextOf(t: Thought, at: number): SessionContext | undefined {
  if (t.d.kind !== 'answer') return undefined;
  const [first] = t.d.intents;
  return first ? { intent: first.id, concepts: [...t.u.concepts], lang: t.u.lang, at } : undefined;
}

/**
 * Reads a message of several clauses as people write them: context first ("我是赤峰人,刚搬来通辽")
 * and the question after, or two questions in one ("进驻了多少项,一年办了多少件?"). The whole
 * message is read first; a refusal or a blank that comes only from the context clauses gives way
 * to the question clauses alone, and question clauses that each find their own figure are all
 * answered instead of one of them or a question back.
 */
export function composeClauses(raw: string, clauses: readonly ReadClause[], context: SessionContext | undefined, think: Think): Thought {
  const whole = think(raw, context);
  // English commas join a list ("banners, counties and districts") more often than two questions.
  if (clauses.length < 2 || whole.u.lang === 'en') return whole;
  const asking = clauses.filter((c) => c.asks);
  if (asking.length === 0) return whole;

  let current = whole;
  // Only a message long enough to tell a story has context clauses; in a short one every clause
  // counts ("跟2010年比, 增长了多少?" is about 2010), as does any clause of a comparison over years.
  const story = raw.length >= STORY_CHARS && !(whole.d.kind === 'other-year' && YEAR_CHANGE.test(raw));
  if (story && asking.length < clauses.length && REFUSALS.has(whole.d.kind)) {
    const focus = think(asking.map((c) => c.text).join(','), context);
    // A question back ("网站的还是总数?") serves better than a refusal its context caused.
    if (ANSWERS.has(focus.d.kind) || focus.d.kind === 'which' || (whole.d.kind === 'unknown' && focus.d.kind !== 'unknown')) current = focus;
  }
  if (asking.length < 2 || asking.length > 4) return current;

  const parts: Thought[] = [];
  let previous = context;
  for (const clause of asking) {
    // A clause that names its own subject stands alone ("措施有几条" after "问题有几条"); one that
    // does not ("一年办了多少件") continues the clause before it.
    const alone = think(clause.text, undefined);
    const continued = previous ? think(clause.text, previous) : alone;
    const score = (t: Thought) => (t.d.kind === 'answer' ? (t.u.readings[0]?.score ?? 0) : -1);
    const part = score(alone) >= score(continued) ? alone : continued;
    parts.push(part);
    previous = contextOf(part, context?.at ?? 0) ?? previous;
  }
  const answered = parts.filter((p): p is Thought & { d: Extract<Decision, { kind: 'answer' }> } => p.d.kind === 'answer');
  const intents: Intent[] = [];
  for (const part of answered) for (const intent of part.d.intents) if (!intents.some((i) => i.id === intent.id)) intents.push(intent);
  // In a story, the clauses that find an answer are the question; an aside ("现在还有没有人去查") is not.
  const refused = story && REFUSALS.has(current.d.kind);
  if (answered.length < (refused ? 1 : 2) || intents.length < (refused ? 1 : 2)) return current;
  const covered = current.d.kind === 'answer' && intents.every((i) => current.d.kind === 'answer' && current.d.intents.some((o) => o.id === i.id));
  if (covered) return current;
  const [first] = answered;
  if (!first) return current;
  return { u: { ...first.u, lang: whole.u.lang, form: whole.u.form }, d: { kind: 'answer', intents, best: first.d.best } };
}

/** A figure this close to the report's is a rough restatement, not a wrong one. */
const ROUGHLY = 0.1;

/**
 * The figures a message states in its other clauses ("既然开了30次新闻发布会，旗县区开了几次?")
 * that the report contradicts: each clause holding a number is read alone, and its figure compared.
 */
export function premisesOf(clauses: readonly ReadClause[], think: Think, figureOf: (id: string) => number | undefined): Premise[] {
  if (clauses.length < 2) return [];
  const premises: Premise[] = [];
  for (const clause of clauses) {
    if (!/[0-9零一二两三四五六七八九十百千万]/.test(clause.text) || clause.asks) continue;
    const t = think(clause.text, undefined);
    const [intent] = t.d.kind === 'answer' ? t.d.intents : [];
    const figure = intent?.checks === undefined ? undefined : figureOf(intent.checks);
    const asked = t.u.extraction.numbers[0];
    if (!intent || figure === undefined || asked === undefined || t.u.roughGuess) continue;
    if (asked !== figure && !(figure > 0 && Math.abs(asked - figure) / figure <= ROUGHLY)) premises.push({ intent, asked });
  }
  return premises;
}
