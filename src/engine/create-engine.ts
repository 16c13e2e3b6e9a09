import { createAnswerBuilder, type About } from '../answer/build-answer.js';
import { createFigures } from '../answer/figures.js';
import type { Intent, Knowledge } from '../knowledge/schema.js';
import { extractConcepts, type Extraction } from '../match/extract-concepts.js';
import { compileLexicon, type TermSource } from '../match/lexicon.js';
import { relativeYears } from '../match/qualifiers.js';
import { scoreIntents } from '../match/score-intents.js';
import { MemorySessionStore, type SessionStore } from '../session/session-store.js';
import { hasWords, normalizeText } from '../text/normalize.js';
import { detectLang, simplify, warmScriptTables } from '../text/script.js';
import type { Answer, Explanation, Lang, Question, Reading, SessionContext } from '../types.js';

/** Below this score a reading is a guess, not an answer. */
const ANSWER_THRESHOLD = 2;
/** A reading this strong is a full answer; used to scale confidence. */
const STRONG_SCORE = 4;
/** A question whose own reading scores this much is a new question, not a follow-up. */
const STANDS_ALONE_SCORE = 5;
/** A runner-up this close to the best reading makes the question ambiguous. */
const CLARIFY_RATIO = 0.9;
const MAX_CLARIFY_OPTIONS = 3;

/** Prefixes that keep scope words apart from the knowledge's own concepts. */
const SCOPE = {
  place: 'scope:place',
  otherPlace: 'scope:other-place',
  topic: 'scope:topic:',
  greeting: 'scope:greeting',
  followUp: 'scope:follow-up',
  yesNo: 'scope:yes-no',
} as const;

export type { About };

export interface EngineOptions {
  /** Where conversations keep their last topic; bounded in memory by default. */
  sessions?: SessionStore;
  /** Milliseconds since the epoch; drives idle expiry and words like 今年. Without it neither applies. */
  clock?: () => number;
}

/** What the pure core returns: the answer, and the context the next turn of this conversation needs. */
export interface Turn {
  answer: Answer;
  context: SessionContext | undefined;
}

export interface Engine {
  /** The one way in for adapters: a question (and conversation id) in, an Answer out. */
  ask(question: Question): Answer;
  /** The same, with the conversation's context passed in and out as a value (for shared stores). */
  respond(text: string, context?: SessionContext): Turn;
  /** The report's title, scope and example questions in a script, for welcome screens. */
  about(lang: Lang): About;
  /** Loads the script-detection tables (about 20 ms) now instead of on the first question. */
  warmUp(): void;
  readonly knowledge: Knowledge;
}

interface Reading2 extends Reading {
  intent: string;
}

/**
 * Builds an engine over one report's knowledge. Pure: no I/O and no clock but the one passed in.
 * `ask` is synchronous so the whole path stays in microseconds; long-running adapters call `warmUp`
 * at start so the first question does not pay for loading tables.
 */
export function createEngine(knowledge: Knowledge, options: EngineOptions = {}): Engine {
  const sessions = options.sessions ?? new MemorySessionStore();
  const clock = options.clock;
  const scope = knowledge.scope;
  const sources: TermSource[] = [
    ...knowledge.concepts,
    ...scope.places.map((p) => ({ ...p, id: SCOPE.place })),
    { ...scope.otherPlaces, id: SCOPE.otherPlace },
    ...scope.topics.map((t) => ({ ...t, id: `${SCOPE.topic}${t.id}` })),
    { ...scope.greetings, id: SCOPE.greeting },
    { ...scope.followUpMarkers, id: SCOPE.followUp },
    { ...scope.yesNoMarkers, id: SCOPE.yesNo },
  ];
  const lexicon = compileLexicon(sources, 'scope:');
  const figures = createFigures(knowledge);
  const build = createAnswerBuilder(knowledge, figures);
  const intents = new Map(knowledge.intents.map((i) => [i.id, i]));
  const family = new Map(knowledge.concepts.filter((c) => c.family).map((c) => [c.id, c.family]));
  const figureOf = (intent: Intent) => (intent.checks ? figures.value(intent.checks) : undefined);

  const coreOf = (ex: Extraction) => new Set([...ex.concepts].filter((c) => !c.startsWith('scope:')));
  const rank = (concepts: Set<string>, numbers: number[], loose = false) =>
    scoreIntents(knowledge.intents, { concepts, numbers }, figureOf, loose);
  /** Concepts that only shape a question (多少, 哪些, 件): alone they ask "which figure?". */
  const isQuestionWord = (c: string) => family.get(c) === 'question';

  /** Adds the last topic's concepts, except those the new question replaces (same family). */
  const withContext = (concepts: Set<string>, context: SessionContext) => {
    const families = new Set([...concepts].map((c) => family.get(c)).filter(Boolean));
    const merged = new Set(concepts);
    for (const c of context.concepts) {
      const f = family.get(c);
      if (!f || !families.has(f)) merged.add(c);
    }
    return merged;
  };

  function explanation(best: Reading | undefined, runnerUp: Reading | undefined, concepts: Set<string>, usedContext: boolean, qualifiers: string[]): Explanation {
    return {
      rule: best?.intent ?? null,
      score: best?.score ?? 0,
      runnerUp: runnerUp ?? null,
      concepts: [...concepts].sort(),
      usedContext,
      qualifiers,
    };
  }

  /**
   * Two close readings built on different words are two questions in one ("哪个市哪一年"), not
   * one ambiguous question: answer both. Readings resting on the same words stay a clarify.
   */
  function asksBoth(a: Reading, b: Reading | undefined): boolean {
    if (!b) return false;
    const own = (r: Reading) => r.matched.filter((c) => !isQuestionWord(c));
    const [ownA, ownB] = [own(a), own(b)];
    return ownA.length > 0 && ownB.length > 0 && ownA.every((c) => !b.matched.includes(c)) && ownB.every((c) => !a.matched.includes(c));
  }

  function yesNoPrefix(intent: Intent, ex: Extraction, lang: Lang): string {
    if (!ex.concepts.has(SCOPE.yesNo) || !intent.checks) return '';
    const figure = figures.value(intent.checks);
    const asked = ex.numbers[0];
    if (figure === undefined || asked === undefined) return '';
    if (asked === figure) return build.say('yes', lang, { n: asked });
    if (!Number.isInteger(figure) && Math.abs(asked - figure) < 0.5) return build.say('roughly', lang);
    return build.say('no', lang, { n: asked });
  }

  function respond(raw: string, context?: SessionContext): Turn {
    const text = normalizeText(typeof raw === 'string' ? raw : '');
    const lang: Lang = hasWords(text) ? detectLang(text) : 'zh-Hans';
    const none = explanation(undefined, undefined, new Set(), false, []);
    if (!hasWords(text)) {
      const message = `${build.say('empty', lang)}${build.examples(lang)[0] ?? ''}`;
      return { answer: build.finish({ outcome: 'unknown', message, lang: lang, intent: null, confidence: 0, suggestions: build.examples(lang), explain: none }), context };
    }

    const form = simplify(text).toLowerCase();
    let ex = extractConcepts(form, lexicon);
    let concepts = coreOf(ex);
    let readings = rank(concepts, ex.numbers);
    if ((readings[0]?.score ?? 0) < ANSWER_THRESHOLD || ex.unexplained.length > 0) {
      const tolerant = extractConcepts(form, lexicon, true);
      if (tolerant.fuzzy && tolerant.unexplained.length <= ex.unexplained.length && tolerant.concepts.size > ex.concepts.size) {
        ex = tolerant;
        concepts = coreOf(ex);
        readings = rank(concepts, ex.numbers);
      }
    }

    let usedContext = false;
    // Context completes a question made mostly of words we know ("那其他形式呢?", "都是哪几个?");
    // it never turns thanks, a greeting or an off-topic question into a repeat of the last answer.
    const standsAlone = (readings[0]?.score ?? 0) >= STANDS_ALONE_SCORE && !ex.concepts.has(SCOPE.followUp);
    const offTopic = [...ex.concepts].some((c) => c.startsWith(SCOPE.topic) || c === SCOPE.greeting || c === SCOPE.otherPlace);
    if (context && intents.has(context.intent) && !standsAlone && !offTopic && concepts.size > ex.unexplained.length) {
      const merged = withContext(concepts, context);
      const mergedReadings = rank(merged, ex.numbers);
      if ((mergedReadings[0]?.score ?? 0) > (readings[0]?.score ?? 0)) {
        concepts = merged;
        readings = mergedReadings;
        usedContext = true;
      }
    }

    const best = readings[0] as Reading2 | undefined;
    const runnerUp = readings[1];
    const bestIntent = best ? intents.get(best.intent) : undefined;
    const now = clock?.();
    const currentYear = now === undefined ? undefined : new Date(now).getUTCFullYear();
    const allowedYears = new Set([knowledge.meta.year, ...(bestIntent?.years ?? [])]);
    const otherYears = [...new Set([...ex.years, ...relativeYears(form, currentYear)])].filter((y) => !allowedYears.has(y));
    const topic = [...ex.concepts].find((c) => c.startsWith(SCOPE.topic));
    const qualifiers = [
      ...otherYears.map((y) => `year:${y}`),
      ...(ex.concepts.has(SCOPE.otherPlace) ? ['place:other'] : []),
      ...(topic ? [topic.slice('scope:'.length)] : []),
    ];
    const explain = explanation(best, runnerUp, concepts, usedContext, qualifiers);
    const remember = (intent: string): SessionContext => ({ intent, concepts: [...concepts], lang, at: now ?? 0 });
    const suggestionsFor = (intent: Intent | undefined) =>
      intent ? intent.suggest.map((id) => intents.get(id)).filter((i): i is Intent => !!i).map((i) => build.questionOf(i, lang)) : [];

    const outOfScope = (lead: string) => {
      const alternatives = bestIntent && best && best.score >= ANSWER_THRESHOLD ? [build.questionOf(bestIntent, lang)] : [];
      const suggestions = [...alternatives, ...build.examples(lang)].slice(0, 4);
      const message = [lead, build.say('applyHint', lang), build.say('tryInstead', lang), ...suggestions.map((s) => `• ${s}`)].join('\n');
      return { answer: build.finish({ outcome: 'out_of_scope', message, lang: lang, intent: null, confidence: 0.9, suggestions, explain }), context };
    };

    if (otherYears.length > 0) return outOfScope(build.say('otherYear', lang, { asked: otherYears.join('/') }));
    if (ex.concepts.has(SCOPE.otherPlace)) return outOfScope(build.say('otherPlace', lang));
    if (topic) return outOfScope(build.say('otherTopic', lang));

    const onlyAsksWhich = concepts.size > 0 && [...concepts].every(isQuestionWord) && ex.unexplained.length === 0;
    if ((!best || best.score < ANSWER_THRESHOLD) && onlyAsksWhich) {
      const options = rank(concepts, ex.numbers, true)
        .slice(0, MAX_CLARIFY_OPTIONS)
        .map((r) => intents.get(r.intent))
        .filter((i): i is Intent => !!i)
        .map((i) => build.questionOf(i, lang));
      if (options.length > 1) {
        const message = [build.say('clarify', lang), ...options.map((o, i) => `${i + 1}. ${o}`)].join('\n');
        return { answer: build.finish({ outcome: 'clarify', message, lang, intent: null, confidence: 0.3, suggestions: options, explain }), context };
      }
    }

    if (!best || !bestIntent || best.score < ANSWER_THRESHOLD) {
      const greeting = ex.concepts.has(SCOPE.greeting) && concepts.size === 0;
      const suggestions = build.examples(lang);
      const message = [build.say(greeting ? 'greeting' : 'unknown', lang), ...suggestions.map((s) => `• ${s}`)].join('\n');
      return { answer: build.finish({ outcome: 'unknown', message, lang: lang, intent: null, confidence: 0, suggestions, explain }), context };
    }

    const close = readings.filter((r) => r.score >= best.score * CLARIFY_RATIO && r.score >= ANSWER_THRESHOLD).slice(0, MAX_CLARIFY_OPTIONS);
    const second = close[1] ? intents.get(close[1].intent) : undefined;
    if (close.length === 2 && second && asksBoth(best, close[1])) {
      const message = [bestIntent, second].map((i) => yesNoPrefix(i, ex, lang) + build.replyOf(i, lang)).join('\n');
      return {
        answer: build.finish({
          outcome: 'answered',
          message,
          lang,
          intent: bestIntent.id,
          confidence: 0.7,
          citations: [...build.citationsOf(bestIntent, lang), ...build.citationsOf(second, lang)],
          suggestions: suggestionsFor(bestIntent),
          explain,
        }),
        context: remember(bestIntent.id),
      };
    }
    if (close.length > 1) {
      const options = close.map((r) => intents.get(r.intent)).filter((i): i is Intent => !!i).map((i) => build.questionOf(i, lang));
      const message = [build.say('clarify', lang), ...options.map((o, i) => `${i + 1}. ${o}`)].join('\n');
      return {
        answer: build.finish({ outcome: 'clarify', message, lang: lang, intent: null, confidence: 0.5, suggestions: options, explain }),
        context: remember(best.intent),
      };
    }

    const message = yesNoPrefix(bestIntent, ex, lang) + build.replyOf(bestIntent, lang);
    const margin = runnerUp ? 1 - runnerUp.score / best.score : 1;
    const confidence = Math.min(0.99, 0.5 * Math.min(1, best.score / STRONG_SCORE) + 0.5 * margin);
    return {
      answer: build.finish({
        outcome: 'answered',
        message,
        lang: lang,
        intent: bestIntent.id,
        confidence,
        citations: build.citationsOf(bestIntent, lang),
        suggestions: suggestionsFor(bestIntent),
        explain,
      }),
      context: remember(bestIntent.id),
    };
  }

  return {
    knowledge,
    respond,
    about: (lang) => build.about(lang),
    ask({ text, session }) {
      const now = clock?.() ?? 0;
      const context = session === undefined ? undefined : sessions.get(session, now);
      const turn = respond(text, context);
      if (session !== undefined && turn.context && turn.context !== context) sessions.set(session, { ...turn.context, at: now });
      return turn.answer;
    },
    warmUp() {
      warmScriptTables();
    },
  };
}
