import type { Figures } from '../answer/figures.js';
import type { Intent, Knowledge } from '../knowledge/schema.js';
import { extractConcepts, type Extraction } from '../match/extract-concepts.js';
import { compileLexicon, type TermSource } from '../match/lexicon.js';
import { asksActual, asksNextYearFigure, COMPARISON_CONCEPTS, namesNextYear, readChoice, readOrdinal, relativeYears } from '../match/qualifiers.js';
import { charPairs, scoreIntents } from '../match/score-intents.js';
import { hasWords, normalizeText } from '../text/normalize.js';
import { detectLang, isScriptNeutral, simplify } from '../text/script.js';
import { wordMatcher } from '../text/clauses.js';
import type { Lang, Reading, SessionContext } from '../types.js';
import { createSentenceIndex, type SentenceIndex } from '../retrieve/sentence-index.js';
import { createAskedReader, type AskedReader } from './asked.js';
import { createBreakdownReader, type BreakdownReader } from './breakdowns.js';
import { createNamedItemReader, type NamedItem } from './named-item.js';
import { createPlaceReader, type NamedPlace } from './places.js';
import { SCOPE } from './scope-ids.js';

/** Below this score a reading is a guess, not an answer. */
export const ANSWER_THRESHOLD = 2;
/** Comparison with the year before (较上年, 比上年): a follow-up naming only it keeps the last topic. */
const VS_LAST_YEAR = 'vs-last-year';
/** The concept of documents still in force (现行有效): a state the report gives, whatever 现在 says. */
const IN_FORCE = 'in-force';
/** A rule about a later year answers a question naming that year when it scores this share of the best. */
const PLAN_SHARE = 0.5;
/** A question whose own reading scores this much is a new question, not a follow-up. */
const STANDS_ALONE_SCORE = 5;
/** Words that mark a figure as an estimate to be checked: generic language, not report knowledge. */
const ROUGH = /大概|大约|左右|差不多|约|上下|来[场次条件个]|多[条件次人个]|about|around|roughly|approximately|or so/;
/** A follow-up asking for more about an item is short ("具体表现呢?"); a longer one is its own question. */
const DETAIL_MAX_CHARS = 12;
/** A follow-up that names nothing but a year ("那2010年呢?", "and in 2010?"): generic language. */
const YEAR_ONLY = /^(?:那|那么|那在|那要是|and|what about|how about)?\s*(?:in\s*)?\d{4}\s*年?\s*(?:的|度)?\s*(?:呢|的呢|怎么样|情况呢|又如何|又是多少|是多少|多少)?\s*[?？。.!！]*$/;
/** A year as questions write it (2010年, 2010年度, 2010). */
const YEAR_WORD = /(?:19|20)\d\d\s*(?:年度|年)?/g;
/** A short follow-up's shape: opened by 那 or "what about", or closed by 呢. */
const FOLLOW_UP_SHAPE = /^(?:那|那么|and|what about|how about)|呢\s*[?？]?\s*$/;
/**
 * A question opened by a word pointing back ("这个占总数比例多少", "它比去年多吗"): its subject is the
 * last answer's, so the last topic's words stay even where the question names one of their family
 * (总数 there is what the share is of, not a new subject). Generic language.
 */
const POINTS_BACK = /^(?:那|那么)?(?:这个|这些|这项|这一项|这个数|这数|它|它们)/;
/** Below this score a question is worth reading for pinyin typos. */
const SOUND_ALIKE_BELOW = 4;

/** Everything the engine read in one question, before it decides what to reply. */
export interface Understood {
  lang: Lang;
  /** The question in matching form (simplified, lower-case), for ranking the report's sentences. */
  form: string;
  /** False for empty, emoji-only or otherwise wordless input. */
  hasWords: boolean;
  extraction: Extraction;
  /** The knowledge concepts used for matching (after follow-up context, without scope flags). */
  concepts: Set<string>;
  readings: Reading[];
  usedContext: boolean;
  /** Years the question names that the report (and its best reading) does not cover. */
  otherYears: number[];
  /** Years after the report's that the question asks about (2014年, 明年): only words about them answer it. */
  laterYears: number[];
  /** Years meant by 今年/去年 (by the clock) that the report does not cover. */
  otherRelativeYears: number[];
  otherPlace: boolean;
  /**
   * Places or bodies the report itself mentions, other than its own (奈曼旗 in a city's report),
   * that the question asks about: a figure of the whole is no answer for one of them.
   */
  namedPlaces: NamedPlace[];
  /** An off-topic subject (weather, budgets…), as its scope id. */
  topic: string | undefined;
  /** The off-topic subject asks for a judgement (an opinion, a prediction, a ranking), not a fact. */
  judgement: boolean;
  greeting: boolean;
  yesNo: boolean;
  /** The question gives its figure as an estimate (大概, 左右, about). */
  roughGuess: boolean;
  /** An item number the question points at ("第三条"), for answering one item of a list. */
  ordinal: number | undefined;
  /** The rule of the previous turn, when there was one. */
  previous: Intent | undefined;
  /** The rules of the last two answers, oldest first. */
  recent: Intent[];
  /** The option a reply to a clarify picks ("2", "第二个"), when the last turn offered options. */
  chosen: Intent | undefined;
  /** The message is nothing but a pick ("2", "第二个"), whether or not options were offered. */
  bareChoice: boolean;
  /** A short follow-up asking more about the list item just given ("具体表现呢?"), as that item's index. */
  detailOf: number | undefined;
  /** A list item the question names by its own words while asking for more about it ("健全组织机构具体要做啥"). */
  namedItem: NamedItem | undefined;
}

export interface Understanding {
  understand(raw: string, context: SessionContext | undefined, now: number | undefined): Understood;
  /** Readings ignoring each rule's required words: options for a question too vague to answer. */
  looseReadings(understood: Understood): Reading[];
  isQuestionWord(concept: string): boolean;
  /** The report's sentences, for questions no rule answers. */
  sentences: SentenceIndex;
  /** What a question asks for beyond which figure (a date, names, the thing counted). */
  asked: AskedReader;
  /** Parts of a figure the report gives only whole (a split, one place of it). */
  breakdowns: BreakdownReader;
  /** The report's part (a section under the title) a section belongs to, for telling one part's figures. */
  partOf(section: string): string;
}

/**
 * Reads questions against one knowledge pack: normalise, detect the script, match concepts (with
 * typo tolerance where exact terms leave words unexplained), complete follow-ups from the last turn,
 * and note what puts a question out of scope.
 */
export function createUnderstanding(knowledge: Knowledge, figures: Pick<Figures, 'value'>): Understanding {
  const { scope } = knowledge;
  // The report's own text, for telling a name it mentions from another place's.
  const reportText = simplify(knowledge.sections.map((s) => `${s.title}\n${s.text}`).join('\n'));
  // A generated pack's topics are off-topic only where the report itself never speaks of them
  // (a report that states its fees in 万元 answers money questions); a curated pack's are as written.
  const generated = knowledge.intents.some((i) => i.surface);
  const topics = generated ? scope.topics.filter((t) => !t.zh.some((w) => w.length >= 2 && reportText.includes(w))) : scope.topics;
  const sources: TermSource[] = [
    ...knowledge.concepts,
    ...scope.places.map((p) => ({ ...p, id: SCOPE.place })),
    { ...scope.otherPlaces, id: SCOPE.otherPlace },
    ...topics.map((t) => ({ ...t, id: `${SCOPE.topic}${t.id}` })),
    { ...scope.greetings, id: SCOPE.greeting },
    { ...scope.followUpMarkers, id: SCOPE.followUp },
    { ...scope.yesNoMarkers, id: SCOPE.yesNo },
  ];
  const lexicon = compileLexicon(sources, SCOPE.prefix);
  const readPlaces = createPlaceReader(knowledge, lexicon, reportText);
  const topicFamily = new Map(topics.map((t) => [`${SCOPE.topic}${t.id}`, t.family]));
  const sentences = createSentenceIndex(knowledge, lexicon);
  const intents = new Map(knowledge.intents.map((i) => [i.id, i]));
  const family = new Map(knowledge.concepts.filter((c) => c.family).map((c) => [c.id, c.family]));
  const generic = new Set(knowledge.concepts.filter((c) => c.generic).map((c) => c.id));
  const figureOf = (intent: Intent) => (intent.checks ? figures.value(intent.checks) : undefined);

  /** Concepts that only shape a question (多少, 哪些, 件): alone they ask "which figure?". */
  const isQuestionWord = (c: string) => generic.has(c);
  const coreOf = (ex: Extraction) => new Set([...ex.concepts].filter((c) => !c.startsWith(SCOPE.prefix)));
  const rank = (concepts: Set<string>, numbers: number[], pairs?: Set<string>, loose = false) => scoreIntents(knowledge.intents, { concepts, numbers, pairs }, figureOf, loose);
  const surfaced = knowledge.intents.some((i) => i.surface);

  /** Adds the last topic's concepts, except those the new question replaces (same family) unless it points back at the last answer. */
  const withContext = (concepts: Set<string>, context: SessionContext, keepAll: boolean) => {
    const families = keepAll ? new Set<string>() : new Set([...concepts].map((c) => family.get(c)).filter(Boolean));
    const merged = new Set(concepts);
    for (const c of context.concepts) {
      const f = family.get(c);
      if (!f || !families.has(f)) merged.add(c);
    }
    return merged;
  };

  const namedItemIn = createNamedItemReader(knowledge);
  const asksDetail = wordMatcher(scope.detailMarkers?.zh ?? [], scope.detailMarkers?.en ?? []);
  const chosenOption = (text: string, context: SessionContext | undefined): Intent | undefined => {
    if (!context?.options?.length) return undefined;
    const choice = readChoice(simplify(text).toLowerCase());
    const id = choice === undefined ? undefined : context.options[choice - 1];
    return id === undefined ? undefined : intents.get(id);
  };

  /** Whether a question, its years taken out, names nothing but question words and concepts of the last turn. */
  const repeatsTopic = (form: string, context: SessionContext) => {
    const ex = extractConcepts(form.replace(YEAR_WORD, ' '), lexicon);
    return !ex.hasUnexplained && [...coreOf(ex)].every((c) => isQuestionWord(c) || context.concepts.includes(c));
  };

  function understand(raw: string, context: SessionContext | undefined, now: number | undefined): Understood {
    const text = normalizeText(typeof raw === 'string' ? raw : '');
    const wordy = hasWords(text);
    const detected: Lang = wordy ? detectLang(text) : 'zh-Hans';
    // A follow-up written in characters common to both scripts keeps the conversation's script.
    const lang: Lang = detected === 'zh-Hans' && context?.lang === 'zh-Hant' && isScriptNeutral(text) ? 'zh-Hant' : detected;
    const { ordinal, rest: form } = readOrdinal(simplify(text).toLowerCase());

    const pairs = surfaced ? charPairs(form) : undefined;
    let extraction = extractConcepts(form, lexicon);
    let concepts = coreOf(extraction);
    let readings = rank(concepts, extraction.numbers, pairs);
    if ((readings[0]?.score ?? 0) < ANSWER_THRESHOLD || extraction.hasUnexplained) {
      // Sound-alike matching costs most (pinyin of the whole question): only for weak readings.
      const tolerant = extractConcepts(form, lexicon, true, (readings[0]?.score ?? 0) < SOUND_ALIKE_BELOW, extraction);
      if (tolerant.fuzzy && tolerant.unexplained.length <= extraction.unexplained.length && tolerant.concepts.size > extraction.concepts.size) {
        const tolerantConcepts = coreOf(tolerant);
        const tolerantReadings = rank(tolerantConcepts, tolerant.numbers, pairs);
        // A near-spelling that leaves no rule standing ("网站上放了多少": 放了多少 read as 多了多少)
        // misread the question: the exact words' reading stands.
        if (tolerantReadings.length > 0 || readings.length === 0) {
          extraction = tolerant;
          concepts = tolerantConcepts;
          readings = tolerantReadings;
        }
      }
    }

    const flags = [...extraction.concepts];
    // "现在好奇2011年那会儿…": words of another time are off-topic only when the report's year is not named.
    const namesOwnYear = extraction.years.includes(knowledge.meta.year);
    // "现在还有效的有多少" asks for the report's count of documents in force, not for today's figures.
    const asksInForce = extraction.concepts.has(IN_FORCE);
    const topic = flags.find((c) => c.startsWith(SCOPE.topic) && !((namesOwnYear || asksInForce) && topicFamily.get(c) === 'when'));
    const places = readPlaces(form);
    const otherPlace = extraction.concepts.has(SCOPE.otherPlace) || places.other;
    const greeting = extraction.concepts.has(SCOPE.greeting);

    // Context completes a question made mostly of words we know ("那其他形式呢?", "都是哪几个?");
    // it never turns thanks, a greeting or an off-topic question into a repeat of the last answer.
    let usedContext = false;
    const standsAlone = (readings[0]?.score ?? 0) >= STANDS_ALONE_SCORE && !extraction.concepts.has(SCOPE.followUp);
    const offTopic = topic !== undefined || greeting || otherPlace;
    if (context && intents.has(context.intent) && !standsAlone && !offTopic && concepts.size > extraction.unexplained.length) {
      const merged = withContext(concepts, context, POINTS_BACK.test(form.trim()));
      const mergedReadings = rank(merged, extraction.numbers, pairs);
      const own = [...concepts].filter((c) => !isQuestionWord(c));
      // The completed question must still be about what was just asked ("What about training?"
      // after bulletins is about training), not only about the last topic. When its own words
      // alone found nothing, the readings that use them stand, not the last answer's rule
      // ("法律服务机构呢" after the total); else the completed question's best must use them.
      const usesOwnWords = (r: (typeof mergedReadings)[number]) => own.length === 0 || own.some((c) => r.matched.includes(c));
      const ownFoundNothing = (readings[0]?.score ?? 0) < ANSWER_THRESHOLD;
      const standing = ownFoundNothing ? mergedReadings.filter(usesOwnWords) : mergedReadings;
      const mergedBest = standing[0];
      if (mergedBest && usesOwnWords(mergedBest) && mergedBest.score > (readings[0]?.score ?? 0)) {
        concepts = merged;
        readings = standing;
        usedContext = true;
      }
    }

    // "比上年多了多少?" after the applications received is about them: a follow-up that names only a
    // comparison with last year gets that comparison for the last topic, or none, never another's.
    if (context && !usedContext && readings.length > 0 && [...concepts].every((c) => COMPARISON_CONCEPTS.has(c) || isQuestionWord(c)) && concepts.has(VS_LAST_YEAR)) {
      const topicWords = context.concepts.filter((c) => !isQuestionWord(c));
      readings = readings.filter((r) => {
        const intent = intents.get(r.intent);
        return intent !== undefined && topicWords.some((c) => intent.match.weights[c] !== undefined);
      });
    }

    // "2014年计划培训几次", "明年网站至少要发多少条": a later year asks for the report's plans for it,
    // so when rules speak of that year, they alone stand: a figure of the report's own year is not one of it.
    // What really happened that year ("2014年实际发了多少条") no plan tells.
    const nextYear = namesNextYear(form);
    const laterAsked = [...extraction.years.filter((y) => y > knowledge.meta.year), ...(nextYear ? [knowledge.meta.year + 1] : [])];
    if (laterAsked.length > 0 && !asksActual(form)) {
      // A plan that only brushes the question (one shared word) does not answer it for that year.
      const floor = Math.max(ANSWER_THRESHOLD, (readings[0]?.score ?? 0) * PLAN_SHARE);
      const speaksOfIt = readings.filter((r) => r.score >= floor && intents.get(r.intent)?.years.some((y) => laterAsked.includes(y)));
      if (speaksOfIt.length > 0) readings = speaksOfIt;
    }

    const best = readings[0] ? intents.get(readings[0].intent) : undefined;
    // "那2010年呢?" after a figure asks for that figure in 2010, not for the rule that speaks of 2010.
    // So does "那2010年总数呢?" after the total: the year aside, it names only what the last turn did.
    const yearOnly = context !== undefined && extraction.years.length > 0 && (YEAR_ONLY.test(form.trim()) || (FOLLOW_UP_SHAPE.test(form) && repeatsTopic(form, context)));
    const allowedYears = new Set([knowledge.meta.year, ...(yearOnly ? [] : (best?.years ?? []))]);
    const currentYear = now === undefined ? undefined : new Date(now).getUTCFullYear();
    // "明年会开多少次?" is a prediction, answered as one; "明年公开多少条?" a figure of another year.
    const judges = topic !== undefined && topicFamily.get(topic) === 'judgement';
    const years = asksNextYearFigure(form) && !judges ? [...extraction.years, knowledge.meta.year + 1] : extraction.years;
    const otherYears = [...new Set(years)].filter((y) => !allowedYears.has(y));
    // 今年/去年 may mean the calendar or the report's own year (people reading the report say
    // "last year" of it): answer from the report, with the year stated, never as the calendar's.
    // "明年准备抓哪几项工作" answered from the plans for the report's next year is not the calendar's.
    const plansAnswer = nextYear && (best?.years ?? []).includes(knowledge.meta.year + 1);
    const otherRelativeYears = relativeYears(form, currentYear).filter((y) => !allowedYears.has(y) && !(plansAnswer && currentYear !== undefined && y === currentYear + 1));

    return {
      lang,
      form,
      hasWords: wordy,
      extraction,
      concepts,
      readings,
      usedContext,
      otherYears,
      laterYears: laterAsked,
      otherRelativeYears,
      otherPlace,
      namedPlaces: places.known,
      topic,
      judgement: judges,
      greeting,
      yesNo: extraction.concepts.has(SCOPE.yesNo) || ROUGH.test(form),
      roughGuess: ROUGH.test(form),
      ordinal,
      previous: context ? intents.get(context.intent) : undefined,
      recent: (context?.recent ?? []).map((id) => intents.get(id)).filter((i): i is Intent => i !== undefined),
      chosen: chosenOption(text, context),
      bareChoice: readChoice(simplify(text).toLowerCase()) !== undefined,
      detailOf: context?.item !== undefined && form.length <= DETAIL_MAX_CHARS && asksDetail(form) ? context.item : undefined,
      namedItem: asksDetail(form) ? namedItemIn(form) : undefined,
    };
  }

  return {
    understand,
    looseReadings: (u) => rank(u.concepts, u.extraction.numbers, undefined, true),
    isQuestionWord,
    sentences,
    asked: createAskedReader(knowledge, lexicon),
    breakdowns: createBreakdownReader(knowledge, (id) => figures.value(id)),
    partOf: partsOf(knowledge),
  };
}

/** Each section's part: its ancestor just below the report's title (or itself, at the top). */
function partsOf(knowledge: Knowledge): (section: string) => string {
  const parent = new Map(knowledge.sections.map((s) => [s.id, s.parent]));
  const part = new Map<string, string>();
  for (const s of knowledge.sections) {
    let at = s.id;
    for (let up = parent.get(at); up && parent.get(up) !== null && parent.has(up); up = parent.get(up)) at = up;
    part.set(s.id, at);
  }
  return (section) => part.get(section) ?? section;
}
