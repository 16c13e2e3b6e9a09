import type { Intent } from '../knowledge/schema.js';
import type { SentenceHit } from '../retrieve/sentence-index.js';
import { ASKS_COUNT } from '../match/qualifiers.js';
import { arabicYears } from '../text/normalize.js';
import { simplify } from '../text/script.js';
import type { Reading } from '../types.js';
import type { Comparison } from './compare.js';
import { ANSWER_THRESHOLD, type Understanding, type Understood } from './understand.js';

/** A runner-up this close to the best reading makes the question ambiguous. */
const CLARIFY_RATIO = 0.9;
/**
 * Rules that carry the report's own words (ingested ones) have already been told apart by them:
 * only a near-tie between two such rules is ambiguous.
 */
const SURFACED_CLARIFY_RATIO = 0.97;
/** Below this score a generated rule's reading gives way to a strong sentence of the report. */
const WEAK_SURFACED_SCORE = 4;
/** …when the sentence holds at least this share of the question's telling words. */
const SENTENCE_OVER_WEAK = 0.5;
const MAX_OPTIONS = 3;
/** The concept of 除了/其余: what a question leaves out. */
const EXCEPT = 'except';
/** A statement that nothing happened, this close to a table's zero, answers in its stead. */
const NONE_OVER_ZERO = 0.5;
/** A reply template that states a figure. */
const STATES_FIGURE = /\{[fd]:/;
/** A question that counts people (多少人次, 几个人): only a figure in a unit of people answers it. */
const PEOPLE_MEASURE = /(?:多少|几)\s*(人次|个人|人|名|位)(?!员|民|大|口|数)/;
/** A category a count is asked of (教育类的, 民生方面的): two to four characters of its own before 类/方面/领域. */
const CATEGORY = /((?:(?![各哪几这那等些么什其每])\p{Script=Han}){2,4})(?:类|方面|领域)的/u;
/** Units that count people. */
const PEOPLE_UNIT = /人|名|位/;
/** The topic of questions that ask why. */
const WHY_TOPIC = 'scope:topic:why';
/** Words by which a sentence of a report gives a reason or a purpose (结合机构改革…调整, 为…建立, 防止…). */
const GIVES_REASON = /为了|为进一步|由于|因|结合|旨在|以便|确保|防止|避免|目的|按照|根据/;
/** A figure other than a year, in digits or Chinese numerals with a unit: what a "how many" sentence must hold. */
const HOLDS_FIGURE = /\d+(?!\d*年)|[一二三四五六七八九十两百千万]+[个条件项次场期人名家所]/;

/** A figure a message states in passing ("既然开了30次新闻发布会") that the report contradicts. */
export interface Premise {
  intent: Intent;
  asked: number;
}

/** What to do with a question, before any wording: each kind becomes one reply shape. */
export type Decision =
  | { kind: 'empty' }
  | { kind: 'other-year'; years: number[]; alternative?: Intent }
  | { kind: 'other-place'; alternative?: Intent }
  | { kind: 'other-topic' }
  | { kind: 'which'; options: Intent[]; remember?: Intent }
  | { kind: 'unknown'; greeting: boolean }
  | { kind: 'answer'; intents: Intent[]; best: Reading; premises?: Premise[] }
  | { kind: 'item'; intent: Intent; list: string; index: number; detail?: boolean }
  | { kind: 'sentence'; hit: SentenceHit }
  | { kind: 'breakdown'; intent: Intent }
  | { kind: 'compare'; comparison: Comparison }
  | { kind: 'not-given'; intent: Intent; what: { zh: string; en: string } };

/** The list a rule's reply enumerates ({l:id}), if any. */
function listOf(intent: Intent): string | undefined {
  return /\{l:([a-z0-9.-]+)\}/.exec(intent.reply.zh)?.[1];
}

/**
 * Decides the outcome from what was understood: out of scope first (another year, place or
 * subject: never a figure passed off as another's), then a vague question's options, then an
 * answer, two answers for a two-part question, or a clarify between close readings.
 */
export function decide(
  u: Understood,
  understanding: Understanding,
  intents: ReadonlyMap<string, Intent>,
  listSize: (id: string) => number,
  figureOf: (id: string) => number | undefined = () => undefined,
  unitOf: (id: string) => string = () => '',
): Decision {
  if (!u.hasWords) return { kind: 'empty' };
  // "具体表现呢?" after "第三条是什么": the report's words under that item.
  const previousList = u.previous ? listOf(u.previous) : undefined;
  if (u.detailOf !== undefined && !u.namedItem && u.previous && previousList) return { kind: 'item', intent: u.previous, list: previousList, index: u.detailOf, detail: true };
  // "2" after "您想问的是哪一个? 1. … 2. …": the second option, in every channel.
  if (u.chosen) return { kind: 'answer', intents: [u.chosen], best: { intent: u.chosen.id, score: ANSWER_THRESHOLD * 2, matched: [] } };
  // A bare "2" with no options offered picks nothing: it is no figure to look up.
  if (u.bareChoice && u.previous === undefined) return { kind: 'unknown', greeting: false };
  const [best, second] = u.readings;
  const bestIntent = best ? intents.get(best.intent) : undefined;
  const alternative = best && best.score >= ANSWER_THRESHOLD ? bestIntent : undefined;
  if (u.otherYears.length > 0) return { kind: 'other-year', years: u.otherYears, alternative };
  if (u.otherPlace) return { kind: 'other-place', alternative };
  // "领导小组为啥要调整": a report seldom says why, but where a sentence holding the question's
  // words gives its reason or purpose ("结合机构改革…进行了及时调整"), that sentence is the answer.
  if (u.topic === WHY_TOPIC) {
    const hit = understanding.sentences.best(u.form);
    if (hit && hit.coverage >= SENTENCE_OVER_WEAK && GIVES_REASON.test(simplify(hit.text))) return { kind: 'sentence', hit };
  }
  if (u.topic) return { kind: 'other-topic' };
  // "思想观念有待转变具体指啥": the report's words under the item the question names, unless the
  // paragraph of that item has a rule of its own that answers the question.
  const named = u.namedItem;
  const lead = u.readings[0] && u.readings[0].score >= ANSWER_THRESHOLD ? intents.get(u.readings[0].intent) : undefined;
  const paragraphRule = named && lead && lead.id !== named.intent.id && lead.cite.some((c) => simplify(c.quote).includes(named.head));
  if (named && u.ordinal === undefined && !paragraphRule) return { kind: 'item', intent: named.intent, list: named.list, index: named.index, detail: true };

  // "第三条具体说的啥": one item of the list this question (or the last answer) enumerates.
  if (u.ordinal !== undefined) {
    const named = bestIntent && best && best.score >= ANSWER_THRESHOLD && listOf(bestIntent) ? bestIntent : undefined;
    const target = named ?? (u.previous && listOf(u.previous) ? u.previous : undefined);
    const list = target ? listOf(target) : undefined;
    if (target && list && u.ordinal >= 1 && u.ordinal <= listSize(list)) return { kind: 'item', intent: target, list, index: u.ordinal - 1 };
  }

  const toIntents = (readings: Reading[]) => readings.map((r) => intents.get(r.intent)).filter((i): i is Intent => !!i);
  if (!best || !bestIntent || best.score < ANSWER_THRESHOLD) {
    const onlyAsksWhich = u.concepts.size > 0 && [...u.concepts].every(understanding.isQuestionWord) && !u.extraction.hasUnexplained;
    const options = onlyAsksWhich ? toIntents(understanding.looseReadings(u).slice(0, MAX_OPTIONS)) : [];
    if (options.length > 1) return { kind: 'which', options };
    // No rule answers: the report's own sentence, when one holds most of what was asked.
    const hit = u.greeting && u.concepts.size === 0 ? undefined : understanding.sentences.best(u.form);
    if (hit && answersWhatIsAsked(hit.text, u, understanding)) return { kind: 'sentence', hit };
    return { kind: 'unknown', greeting: u.greeting && u.concepts.size === 0 };
  }

  const ratio = (r: Reading) => (bestIntent.surface && intents.get(r.intent)?.surface ? SURFACED_CLARIFY_RATIO : CLARIFY_RATIO);
  // A generated rule read weakly (one shared concept or two) is a guess; a sentence of the report
  // holding most of the question's words is the better answer, unless it is the rule's own quote.
  if (bestIntent.surface && best.score < WEAK_SURFACED_SCORE && !u.yesNo) {
    const hit = understanding.sentences.best(u.form);
    if (hit && hit.coverage >= SENTENCE_OVER_WEAK && answersWhatIsAsked(hit.text, u, understanding) && !bestIntent.cite.some((c) => c.quote.includes(hit.text) || hit.text.includes(c.quote))) return { kind: 'sentence', hit };
  }

  // "754条政务信息里有多少是关于教育的?": the question restates the figure and asks how many of it,
  // a breakdown the report does not give; answering with the figure itself would mislead.
  const own = bestIntent.checks ? figureOf(bestIntent.checks) : undefined;
  if (own !== undefined && !u.yesNo && u.extraction.numbers.includes(own) && u.concepts.has('count') && best.matched.length < [...u.concepts].length) {
    return { kind: 'breakdown', intent: bestIntent };
  }

  // "除了网站，其他…": a reading that ignores the 除了 answers another question (the website's own figure).
  const excepting = best.matched.includes(EXCEPT);
  const close = u.readings.filter((r) => r.score >= best.score * ratio(r) && r.score >= ANSWER_THRESHOLD && (!excepting || r.matched.includes(EXCEPT))).slice(0, MAX_OPTIONS);
  // "13126条信息每个月分别公开了多少", "奈曼旗自己开了几场": a part of a figure the report gives only whole.
  const whole = understanding.breakdowns.unsplit(u);
  if (whole) return { kind: 'breakdown', intent: whole };
  if (!u.yesNo && bestIntent.checks && understanding.breakdowns.placeNotIn(u, bestIntent)) return { kind: 'breakdown', intent: bestIntent };
  // The rule must give what was asked: a date, names or a person, the thing counted, or more than
  // one member of a list the report counts only as a whole. Else the report's sentence, or "not given".
  // A near-tie is asked back first ("4个是哪4个" may be documents or counties).
  // With a near-tie, the question is asked back unless no close reading gives what was asked
  // ("局长叫什么名字" between two figures: neither names anyone).
  const asked = u.yesNo ? undefined : understanding.asked.attributeOf(u.form);
  const attribute = asked && (close.length <= 1 || toIntents(close).every((i) => !understanding.asked.provides(i, asked))) ? asked : undefined;
  if (attribute && !understanding.asked.provides(bestIntent, attribute)) {
    const hit = understanding.sentences.best(u.form);
    // The rule's own quote was weighed already: a sentence helps only if it says something else.
    const ownQuote = hit && bestIntent.cite.some((c) => simplify(c.quote).includes(simplify(hit.text)) || simplify(hit.text).includes(simplify(c.quote)));
    if (hit && !ownQuote && hit.coverage >= SENTENCE_OVER_WEAK && understanding.asked.sentenceGives(hit.text, attribute)) return { kind: 'sentence', hit };
    return { kind: 'not-given', intent: bestIntent, what: attribute.what };
  }
  const counted = close.length <= 1 && ASKS_COUNT.test(u.form) ? understanding.asked.countedOf(u.form) : undefined;
  // "多少条信息" counts in the rule's own unit: the noun is what the figure counts. "多少个部门" does not.
  const sameUnit = counted && bestIntent.checks && counted.measure !== '' && unitOf(bestIntent.checks).includes(counted.measure);
  if (counted && bestIntent.checks && !sameUnit && u.concepts.has(counted.concept) && !best.matched.includes(counted.concept)) {
    return { kind: 'not-given', intent: bestIntent, what: { zh: `“${counted.term}”的数字`, en: `a figure for “${counted.term}”` } };
  }
  // "多少人次?" of a figure counted in 次 or 条 (a follow-up after the press conferences): not that figure.
  const measure = close.length <= 1 ? PEOPLE_MEASURE.exec(u.form)?.[1] : undefined;
  const inPeople = (i: Intent | undefined) => i?.checks !== undefined && PEOPLE_UNIT.test(unitOf(i.checks));
  if (measure && bestIntent.checks && figureOf(bestIntent.checks) !== 0 && !inPeople(bestIntent)) {
    // A close reading counted in people is the answer ("培训搞了几次？多少人参加" → the attendance figure).
    const people = u.readings.find((r) => r.score >= ANSWER_THRESHOLD && r.score >= best.score / 2 && inPeople(intents.get(r.intent)));
    const person = people ? intents.get(people.intent) : undefined;
    if (person && people) return { kind: 'answer', intents: [person], best: people };
    return { kind: 'not-given', intent: bestIntent, what: { zh: `按“${measure}”计的数字`, en: `a figure in “${measure}”` } };
  }
  // "网站公开的信息里教育类的有多少条": a category the rule's report words never name is a breakdown it does not give.
  if (close.length <= 1 && bestIntent.checks && !u.yesNo && ASKS_COUNT.test(u.form)) {
    const category = CATEGORY.exec(u.form)?.[1];
    if (category && !bestIntent.cite.some((c) => simplify(c.quote).includes(category)) && !simplify(bestIntent.reply.zh).includes(category)) return { kind: 'breakdown', intent: bestIntent };
  }
  if (close.length <= 1 && STATES_FIGURE.test(bestIntent.reply.zh) && !attribute && ASKS_COUNT.test(u.form) && !u.yesNo && understanding.asked.namesOneMember(u.form, bestIntent)) return { kind: 'breakdown', intent: bestIntent };

  if (close.length === 2 && second && asksBoth(best, second, understanding.isQuestionWord)) {
    return { kind: 'answer', intents: toIntents([best, second]), best };
  }
  // Close figures stated in one sentence of the report ("网站60条,镇网站5条") are one answer, not a question back.
  const closeIntents = toIntents(close);
  const quote = (i: Intent) => i.cite.map((c) => c.quote).join('…');
  if (close.length > 1 && closeIntents.every((i) => i.surface && i.checks && quote(i) === quote(bestIntent))) return { kind: 'answer', intents: closeIntents, best };
  // Near-tied generated rules of one part: reports state the main figure first (本年新收 before
  // 上年结转), so the earliest answers rather than a question back.
  const section = (i: Intent) => understanding.partOf(i.cite[0]?.section ?? '');
  if (close.length > 1 && closeIntents.every((i) => i.surface && i.checks && section(i) === section(bestIntent))) {
    const ids = [...intents.keys()];
    const earliest = [...closeIntents].sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))[0] ?? bestIntent;
    return { kind: 'answer', intents: [earliest], best };
  }
  // "网站上一共公开了多少条": the website's reply states the total too, so it serves both readings.
  const [, runnerUp] = closeIntents;
  if (close.length === 2 && runnerUp?.checks && statesFigure(bestIntent, runnerUp.checks)) return { kind: 'answer', intents: [bestIntent], best };
  // A zero in a table (收取的费用 0万元) and the text's "未收取任何费用" say one thing: the text's
  // words answer "收费了没" better than a figure, and need no question back.
  if (bestIntent.checks !== undefined && figureOf(bestIntent.checks) === 0) {
    // A rule stating a "none" checks no figure: its fact is its own id.
    const saysNone = u.readings.find((r) => {
      const intent = intents.get(r.intent);
      return intent !== undefined && intent.checks === undefined && r.score >= best.score * NONE_OVER_ZERO && figureOf(intent.id) === 0 && unitOf(intent.id) === '';
    });
    const none = saysNone ? intents.get(saysNone.intent) : undefined;
    if (saysNone && none) return { kind: 'answer', intents: [none], best: saysNone };
  }
  // Close readings that give one figure (the table's 本年新收 and the text's 全年新收, both 37件)
  // need no question back: either answer says the same. Zero is left out, as too many figures are.
  const figureKey = (i: Intent) => {
    const value = i.checks ? figureOf(i.checks) : undefined;
    return i.checks && value ? `${value}|${unitOf(i.checks)}` : undefined;
  };
  const bestFigure = figureKey(bestIntent);
  if (close.length > 1 && bestFigure !== undefined && closeIntents.every((i) => figureKey(i) === bestFigure)) return { kind: 'answer', intents: [bestIntent], best };
  if (close.length > 1) return { kind: 'which', options: closeIntents, remember: bestIntent };
  return { kind: 'answer', intents: [bestIntent], best };
}

/** Whether a rule's reply states a figure (in both languages), so its answer gives that figure too. */
function statesFigure(intent: Intent, figure: string): boolean {
  const placeholder = `{f:${figure}}`;
  return intent.reply.zh.includes(placeholder) && intent.reply.en.includes(placeholder);
}

/**
 * Two close readings built on different words are two questions in one ("哪个市哪一年"), not one
 * ambiguous question: answer both. Readings resting on the same words stay a clarify.
 */
function asksBoth(a: Reading, b: Reading, isQuestionWord: (c: string) => boolean): boolean {
  const own = (r: Reading) => r.matched.filter((c) => !isQuestionWord(c));
  const [ownA, ownB] = [own(a), own(b)];
  return ownA.length > 0 && ownB.length > 0 && ownA.every((c) => !b.matched.includes(c)) && ownB.every((c) => !a.matched.includes(c));
}

/** A sentence answers a "how many" question only if it states a figure, and a date question only with a date. */
function answersWhatIsAsked(text: string, u: Understood, understanding: Understanding): boolean {
  if (ASKS_COUNT.test(u.form) && !HOLDS_FIGURE.test(text)) return false;
  // A question about 2017 is answered by a sentence about 2017, never by one about the report's year.
  if (u.laterYears.length > 0 && !u.laterYears.some((y) => arabicYears(text).includes(String(y)))) return false;
  const attribute = understanding.asked.attributeOf(u.form);
  return !attribute || understanding.asked.sentenceGives(text, attribute);
}
