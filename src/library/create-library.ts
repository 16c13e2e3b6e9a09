import type { About } from '../answer/build-answer.js';
import type { Engine, Turn } from '../engine/index.js';
import { MemorySessionStore, type SessionStore } from '../session/session-store.js';
import { readChoice } from '../match/qualifiers.js';
import { normalizeText } from '../text/normalize.js';
import { createTraditionalizer, detectLang, simplify } from '../text/script.js';
import type { Answer, Lang, Question, SessionContext } from '../types.js';
import { createCatalogue, type Catalogue } from './catalogue.js';
import { compareSides, factOf, type Side } from './compare-reports.js';
import { innerContextOf, libraryContextOf, wrapContext, type LibraryContext } from './library-context.js';
import { LIBRARY_MESSAGES, fillIn, type LibraryMessageKey } from './library-messages.js';
import type { PackInfo } from './pack-info.js';
import { alignBlanks, asksBoth, isBareSwitch, routeQuestion, type Routing } from './route.js';

/** One pack of a library: what routing needs now, and its engine, built by the caller on first use. */
export interface LibraryPack {
  info: PackInfo;
  engine(): Engine;
}

/** An answer from a library: the engine's Answer, plus the id of the pack it comes from (none for a question back). */
export type LibraryAnswer = Answer & { report: string | null };

/** A question to a library: the engine's, plus a pack chosen by the asker (a web page's picker, a batch line). */
export interface LibraryQuestion extends Question {
  report?: string;
}

export interface LibraryTurn extends Turn {
  answer: LibraryAnswer;
}

/**
 * A library behaves as an Engine (every adapter keeps its one call), routes each question to one
 * pack, and adds what only a library can do: list its reports, take a chosen one, compare years.
 */
export interface Library extends Engine {
  ask(question: LibraryQuestion): LibraryAnswer;
  respond(text: string, context?: SessionContext, report?: string): LibraryTurn;
  /** The packs served now, in a stable order. */
  reports(): readonly PackInfo[];
  /** The pack a question naming none goes to, if the library has one. */
  defaultReport(): PackInfo | undefined;
  /** Serves another set of packs from the next question on (hot reload); conversations keep their pack if it stays. */
  replace(packs: readonly LibraryPack[]): void;
}

export interface LibraryOptions {
  /** The pack for questions naming none (DEFAULT_REPORT); the caller has checked it is among the packs. */
  defaultReport?: string;
  sessions?: SessionStore;
  clock?: () => number;
}

/** A pack's engine could not be built: its files fail the loader now. */
class PackUnavailable extends Error {
  constructor(
    readonly pack: PackInfo,
    cause: unknown,
  ) {
    super(`pack ${pack.id} cannot be loaded`, { cause });
  }
}

/** Reports listed in a reply at most; a city's thousand are named by body and year instead. */
const MAX_LISTED = 10;

/**
 * Builds a library over packs. Pure: routing reads only the question and the catalogue; engines
 * come from the packs' own `engine()` (the adapter loads from disk there, once).
 */
export function createLibrary(initial: readonly LibraryPack[], options: LibraryOptions = {}): Library {
  if (initial.length === 0) throw new Error('a library holds at least one pack');
  const sessions = options.sessions ?? new MemorySessionStore();
  const clock = options.clock;
  let packs = new Map(initial.map((p) => [p.info.id, p]));
  let catalogue: Catalogue = createCatalogue(initial.map((p) => p.info), options.defaultReport);
  let traditionalize: ((zh: string) => string) | undefined;

  const engineOf = (info: PackInfo) => {
    const pack = packs.get(info.id);
    if (!pack) throw new Error(`no pack ${info.id}`);
    try {
      return pack.engine();
    } catch (cause) {
      throw new PackUnavailable(info, cause);
    }
  };
  // The converter knows only the characters it was built for (OpenCC's full tables cost 0.3 s); a
  // text with a character it has not seen (a fact's label) rebuilds it with that character too.
  let alphabet = new Set<string>();
  const script = (zh: string, lang: Lang) => {
    if (lang !== 'zh-Hant') return zh;
    const unseen = [...zh].filter((ch) => !alphabet.has(ch));
    if (!traditionalize || unseen.length > 0) {
      alphabet = new Set([...alphabet, ...JSON.stringify(LIBRARY_MESSAGES), ...catalogue.packs.slice(0, MAX_LISTED).map((p) => p.title.zh + p.body).join(''), ...unseen]);
      traditionalize = createTraditionalizer([...alphabet].join(''));
    }
    return traditionalize(zh);
  };
  const say = (key: LibraryMessageKey, lang: Lang, values: Record<string, string | number> = {}) => {
    const m = LIBRARY_MESSAGES[key];
    return lang === 'en' ? fillIn(m.en, values) : script(fillIn(m.zh, values), lang);
  };
  const titleOf = (p: PackInfo, lang: Lang) => (lang === 'en' ? p.title.en : script(p.title.zh, lang));
  const nameOf = (p: PackInfo, lang: Lang) => (lang === 'en' ? `${p.bodyEn} ${p.year}` : script(`${p.shortName}${p.year}年`, lang));
  const langOf = (text: string): Lang => {
    const t = normalizeText(typeof text === 'string' ? text : '');
    return t.trim() ? detectLang(t) : 'zh-Hans';
  };

  /** A reply that is the library's own (a question back, a list): no figure, no citation. */
  const own = (outcome: Answer['outcome'], message: string, lang: Lang, suggestions: string[] = []): LibraryAnswer => ({
    outcome,
    text: message,
    message,
    lang,
    intent: null,
    confidence: outcome === 'clarify' ? 0.3 : 0.9,
    citations: [],
    suggestions,
    explain: { rule: null, score: 0, runnerUp: null, concepts: [], usedContext: false, qualifiers: [] },
    report: null,
  });

  const listing = (list: readonly PackInfo[], lang: Lang) => {
    const lines = list.slice(0, MAX_LISTED).map((p, i) => `${i + 1}. ${titleOf(p, lang)}`);
    if (list.length > MAX_LISTED) lines.push(say('more', lang, { n: list.length }));
    return lines;
  };

  /** "Which report?": the options are the question itself with each report's name before it, so tapping one answers. */
  /** The context after a "which report?": the conversation as it was, plus the packs offered. */
  const offering = (prior: LibraryContext | undefined, list: readonly PackInfo[], lang: Lang, now: number): LibraryContext => ({
    ...(prior ?? { intent: '', concepts: [], lang, at: now, report: '' }),
    reportOptions: list.slice(0, MAX_LISTED).map((p) => p.id),
  });

  /** A report chosen for the conversation (by its name alone, or by its number in a "which report?"): its examples are offered. */
  const choose = (target: PackInfo, lang: Lang, now: number): LibraryTurn => {
    const about = engineOf(target).about(lang);
    const message = [say('chosen', lang, { title: titleOf(target, lang) }), ...about.examples.map((q) => `• ${q}`)].join('\n');
    return { answer: { ...own('clarify', message, lang, about.examples), report: target.id }, context: wrapContext(target.id, undefined, lang, now) };
  };

  const whichReport = (text: string, list: readonly PackInfo[], lang: Lang): LibraryAnswer => {
    const shown = list.slice(0, MAX_LISTED);
    const question = normalizeText(text).trim();
    const suggestions = shown.map((p) => (question ? `${nameOf(p, lang)} ${question}` : nameOf(p, lang)));
    const example = suggestions[0] ?? '';
    const message = [say('whichReport', lang, { n: list.length }), ...listing(list, lang), say('nameIt', lang, { example })].join('\n');
    return own('clarify', message, lang, suggestions);
  };

  // Each pack's "from" line per script, worded once: every answer of a library ends with one.
  let fromLines = new Map<string, string>();
  const fromLine = (pack: PackInfo, lang: Lang) => {
    const key = `${lang}\n${pack.id}`;
    let line = fromLines.get(key);
    if (line === undefined) fromLines.set(key, (line = say('from', lang, { title: titleOf(pack, lang) })));
    return line;
  };

  /** The engine's answer with the report it comes from named, when the library holds more than one. */
  const named = (answer: Answer, pack: PackInfo): LibraryAnswer => {
    if (catalogue.packs.length < 2) return { ...answer, report: pack.id };
    const line = fromLine(pack, answer.lang);
    const message = `${answer.message}\n${line}`;
    return { ...answer, message, text: `${message}${answer.text.slice(answer.message.length)}`, report: pack.id };
  };

  /** Out of scope from one pack's engine (another year, another body): says what the library holds. */
  const withHoldings = (answer: LibraryAnswer): LibraryAnswer => {
    if (answer.outcome !== 'out_of_scope' || catalogue.packs.length < 2) return answer;
    const extra = [say('holds', answer.lang), ...listing(catalogue.packs, answer.lang)].join('\n');
    const message = `${answer.message}\n${extra}`;
    return { ...answer, message, text: `${message}${answer.text.slice(answer.message.length)}` };
  };

  /**
   * One turn in one pack. An unchanged topic keeps the stored context as it was (so idle expiry runs
   * from the last topic, as with one engine); a library of one pack remembers no pack without a topic.
   */
  const inPack = (pack: PackInfo, text: string, prior: LibraryContext | undefined, inner: SessionContext | undefined, now: number): LibraryTurn => {
    const turn = engineOf(pack).respond(text, inner);
    const { lang } = turn.answer;
    const answer = named(turn.answer, pack);
    if (turn.context === inner && inner !== undefined && prior?.report === pack.id) return { answer, context: prior };
    if (turn.context === undefined && catalogue.packs.length < 2) return { answer, context: prior };
    return { answer, context: wrapContext(pack.id, turn.context, lang, now) };
  };

  /** The topic of the last turn as its pack words it (the rule's own question): never the user's text. */
  const topicOf = (prior: LibraryContext | undefined, lang: Lang): string | undefined => {
    const pack = prior && catalogue.byId(prior.report);
    if (!pack || !prior || prior.intent === '') return undefined;
    const intent = engineOf(pack).knowledge.intents.find((i) => i.id === prior.intent);
    return intent ? (lang === 'en' ? intent.question.en : intent.question.zh) : undefined;
  };

  /** Packs that hold everything the question names; `base` (the conversation's body) first when it has the year. */
  const candidatesFor = (route: Routing, base: PackInfo | undefined): PackInfo[] => {
    let list: readonly PackInfo[] = route.bodies.length > 0 ? route.bodies : route.regions.length > 0 ? route.regions : catalogue.packs;
    if (route.years.length > 0) list = list.filter((p) => route.years.includes(p.year));
    if (base && route.bodies.length === 0 && route.regions.length === 0) {
      const ofBase = list.filter((p) => p.body === base.body);
      if (ofBase.length > 0) return ofBase;
    }
    return [...list];
  };

  /** The two packs a comparison is between: the years named, or "两年" of one body. */
  const pairFor = (route: Routing, form: string, base: PackInfo | undefined): [PackInfo, PackInfo] | undefined => {
    const body = route.bodies[0]?.body ?? base?.body;
    const ofBody = catalogue.packs.filter((p) => (body === undefined ? true : p.body === body));
    if (route.years.length === 1) {
      const asked = catalogue.packs.find((p) => p.body === base?.body && p.year === route.years[0]);
      return base && asked && asked !== base ? [base, asked] : undefined;
    }
    if (route.years.length >= 2) {
      const [y1, y2] = route.years as [number, number];
      const bodies = body === undefined ? [...new Set(catalogue.packs.map((p) => p.body))] : [body];
      for (const b of bodies) {
        const a = catalogue.packs.find((p) => p.body === b && p.year === y1);
        const c = catalogue.packs.find((p) => p.body === b && p.year === y2);
        if (a && c) return [a, c];
      }
      return undefined;
    }
    if (!asksBoth(form) || body === undefined || ofBody.length < 2) return undefined;
    const [newest, next] = ofBody as [PackInfo, PackInfo];
    return base && base.body === body ? [base, ofBody.find((p) => p.year === base.year - 1) ?? ofBody.find((p) => p !== base) ?? next] : [newest, next];
  };

  const COMPARISON_WORDS = /(?:比|than)(?:上一?年|去年)?|相比|对比|比较|变化|差多少|两年的?|两个年度的?|两份报告的?|各年的?|每年的?|(?:^|\s)[多少](?!少)/gu;

  const compare = (pair: [PackInfo, PackInfo], route: Routing, asked: { original: string; form: string }, prior: LibraryContext | undefined, lang: Lang, now: number): LibraryTurn | undefined => {
    // The topic in the asker's own script (so each pack answers and quotes in it), names, years and comparison words taken out.
    const topicText = alignBlanks(asked.original, asked.form, route.rest.replace(COMPARISON_WORDS, (m) => ' '.repeat(m.length))).replace(/\s+/g, ' ').trim();
    const fromContext = topicOf(prior, lang);
    const ask = (pack: PackInfo, text: string): Side => {
      const engine = engineOf(pack);
      const answer = engine.respond(text).answer;
      return { pack, answer, fact: factOf(engine, answer) };
    };
    let sides = pair.map((p) => ask(p, topicText)) as [Side, Side];
    if (fromContext && (isBareSwitch(topicText) || sides.some((s) => s.answer.outcome !== 'answered'))) sides = pair.map((p) => ask(p, fromContext)) as [Side, Side];
    if (sides.every((s) => s.answer.outcome !== 'answered')) return undefined;
    const result = compareSides(...sides);
    const sourcesOf = (s: Side) => s.answer.text.slice(s.answer.message.length).split('\n').filter(Boolean);
    const citations = sides.flatMap((s) => s.answer.citations);
    const sources = sides.flatMap(sourcesOf);
    let message: string;
    if (result.kind === 'difference') {
      const { earlier, later, diff } = result;
      const figure = (s: Side & { fact: NonNullable<Side['fact']> }) =>
        say('figure', lang, { year: s.pack.year, label: lang === 'en' ? s.fact.label.en : script(s.fact.label.zh, lang), value: s.fact.value, unit: lang === 'en' ? s.fact.unit.en : script(s.fact.unit.zh, lang), title: titleOf(s.pack, lang) });
      const unit = lang === 'en' ? later.fact.unit.en : script(later.fact.unit.zh, lang);
      const years = { later: later.pack.year, earlier: earlier.pack.year, unit };
      const verdict = diff === 0 ? say('same', lang, { ...years, value: later.fact.value }) : say('compared', lang, { ...years, diff: Math.abs(diff), dir: say(diff > 0 ? 'more_' : 'fewer', lang) });
      message = [figure(later), figure(earlier), verdict].join('\n');
    } else {
      const lead = say(result.kind === 'incomparable' ? 'incomparable' : 'notBoth', lang);
      message = [lead, ...sides.map((s) => say('eachSays', lang, { title: titleOf(s.pack, lang), message: s.answer.message }))].join('\n');
    }
    const [first] = sides;
    const answer: LibraryAnswer = {
      outcome: 'answered',
      text: [message, ...sources].join('\n'),
      message,
      lang,
      intent: first.answer.intent ? `compare:${sides.map((s) => `${s.pack.id}/${s.answer.intent ?? '-'}`).join(',')}` : null,
      confidence: result.kind === 'difference' ? Math.min(...sides.map((s) => s.answer.confidence)) : 0.5,
      citations,
      suggestions: first.answer.suggestions,
      explain: first.answer.explain,
      report: sides.map((s) => s.pack.id).join(','),
    };
    const keep = sides.find((s) => s.pack.id === prior?.report) ?? first;
    const keptTurn = engineOf(keep.pack).respond(fromContext && isBareSwitch(topicText) ? fromContext : topicText);
    return { answer, context: wrapContext(keep.pack.id, keptTurn.context, lang, now) };
  };

  /** A pack whose engine cannot be built (its files broke after start) gets a clear reply, never a crash. */
  function respond(text: string, context?: SessionContext, report?: string): LibraryTurn {
    try {
      return routeAndAnswer(text, context, report);
    } catch (error) {
      if (!(error instanceof PackUnavailable)) throw error;
      const lang = langOf(text);
      return { answer: own('unknown', say('unavailable', lang, { title: titleOf(error.pack, lang) }), lang), context };
    }
  }

  function routeAndAnswer(text: string, context?: SessionContext, report?: string): LibraryTurn {
    const now = clock?.() ?? 0;
    const prior = libraryContextOf(context);
    const current = prior ? catalogue.byId(prior.report) : undefined;
    const innerFor = (pack: PackInfo) => (pack === current ? innerContextOf(prior) : undefined);
    const [only] = catalogue.packs;
    // One pack and no choice: the engine as it is (the library adds nothing but the context's pack).
    if (report === undefined && catalogue.packs.length === 1 && only) return inPack(only, text, prior, innerFor(only), now);
    const original = normalizeText(typeof text === 'string' ? text : '');
    // The library's own replies need the asker's script; a question it routes to a pack does not
    // (the engine tells it itself), so it is read only when a reply of the library's own needs it.
    let detected: Lang | undefined;
    const lang = () => (detected ??= original ? detectLang(original) : 'zh-Hans');
    if (report !== undefined) {
      const chosen = catalogue.byId(report);
      if (!chosen) {
        const message = [say('noSuchReport', lang(), { id: report }), say('holds', lang()), ...listing(catalogue.packs, lang())].join('\n');
        return { answer: own('out_of_scope', message, lang()), context };
      }
      return inPack(chosen, text, prior, innerFor(chosen), now);
    }

    const form = simplify(original).toLowerCase();
    // "2" after "which report?": that report, for this conversation.
    const picked = prior?.reportOptions?.length ? prior.reportOptions[(readChoice(form) ?? 0) - 1] : undefined;
    const pickedPack = picked === undefined ? undefined : catalogue.byId(picked);
    if (pickedPack) return choose(pickedPack, lang(), now);
    const route = routeQuestion(form, catalogue);
    const base = current ?? catalogue.fallback;
    if (route.compares) {
      const pair = pairFor(route, form, base);
      const compared = pair ? compare(pair, route, { original, form }, prior, lang(), now) : undefined;
      if (compared) return compared;
    }
    const namesAny = route.years.length > 0 || route.bodies.length > 0 || route.regions.length > 0;
    let target: PackInfo | undefined;
    const bareSwitch = isBareSwitch(route.rest);
    const topic = bareSwitch ? topicOf(prior, lang()) : undefined;
    if (namesAny) {
      // "2010年呢?" goes on with the conversation's body: another body's 2010 report is no answer to it.
      const sameBodyOnly = topic !== undefined && current !== undefined && route.bodies.length === 0 && route.regions.length === 0;
      // The conversation's body first, else the default's (DEFAULT_REPORT): "2011年…" in a library of
      // many bodies means the default body's 2011 when it has one.
      const candidates = candidatesFor(route, base).filter((p) => !sameBodyOnly || p.body === current.body);
      if (sameBodyOnly && candidates.length === 0) {
        const turn = inPack(current, `${route.years.map((y) => `${y}年`).join('')}${topic}`, prior, undefined, now);
        return { answer: withHoldings(turn.answer), context };
      }
      if (candidates.length === 1) target = candidates[0];
      else if (candidates.length > 1) {
        const sameBody = new Set(candidates.map((p) => p.body)).size === 1;
        target = base && candidates.includes(base) ? base : sameBody ? candidates[0] : undefined;
        if (!target) return { answer: whichReport(text, candidates, lang()), context: offering(prior, candidates, lang(), now) };
      } else {
        // Nothing holds what the question names: the pack it would go to says so, with the library's holdings.
        const fallbackTarget = route.bodies[0] ?? route.regions[0] ?? base;
        if (!fallbackTarget) {
          const message = [say('noReportFor', lang(), { asked: route.years.map((y) => (lang() === 'en' ? String(y) : `${y}年`)).join('/') }), say('holds', lang()), ...listing(catalogue.packs, lang())].join('\n');
          return { answer: own('out_of_scope', message, lang()), context };
        }
        const turn = inPack(fallbackTarget, text, prior, innerFor(fallbackTarget), now);
        return { answer: withHoldings(turn.answer), context: turn.answer.outcome === 'out_of_scope' ? context : turn.context };
      }
    } else target = base;
    if (!target) return { answer: whichReport(text, catalogue.packs, lang()), context: offering(prior, catalogue.packs, lang(), now) };

    // A report's name alone ("唐村镇2010年", a picked option), with no topic to carry over: that
    // report is chosen for the conversation, and its example questions are offered.
    if (namesAny && bareSwitch && topic === undefined) return choose(target, lang(), now);

    // "2010年呢?" after a 2011 answer: the same topic, asked of the other year's pack.
    const switched = target !== current ? topic : undefined;
    // The pack is asked without the names that routed the question to it: they are its own, and
    // reading them again (as a place it might not know by that short name) costs and misleads.
    const routedBy = route.bodies.includes(target) || route.regions.includes(target);
    const asked = routedBy ? alignBlanks(original, form, route.unnamed).replace(/\s+/g, ' ').trim() : text;
    const turn = inPack(target, switched ?? (asked || text), prior, switched ? undefined : innerFor(target), now);
    return { ...turn, answer: withHoldings(turn.answer) };
  }

  const defaultEngine = () => engineOf(catalogue.fallback ?? catalogue.packs[0] ?? (initial[0] as LibraryPack).info);

  return {
    get knowledge() {
      return defaultEngine().knowledge;
    },
    respond,
    ask({ text, session, report }) {
      const now = clock?.() ?? 0;
      const context = session === undefined ? undefined : sessions.get(session, now);
      const turn = respond(text, context, report);
      if (session !== undefined && turn.context && turn.context !== context) sessions.set(session, { ...turn.context, at: now });
      return turn.answer;
    },
    about: (lang: Lang): About => defaultEngine().about(lang),
    warmUp: () => defaultEngine().warmUp(),
    reports: () => catalogue.packs,
    defaultReport: () => catalogue.fallback,
    replace(next) {
      if (next.length === 0) throw new Error('a library holds at least one pack');
      const fallbackId = options.defaultReport !== undefined && next.some((p) => p.info.id === options.defaultReport) ? options.defaultReport : undefined;
      packs = new Map(next.map((p) => [p.info.id, p]));
      catalogue = createCatalogue(next.map((p) => p.info), fallbackId);
      traditionalize = undefined;
      alphabet = new Set();
      fromLines = new Map();
    },
  };
}
