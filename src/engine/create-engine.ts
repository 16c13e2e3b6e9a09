import { createAnswerBuilder, type About } from '../answer/build-answer.js';
import { createFigures } from '../answer/figures.js';
import type { Knowledge } from '../knowledge/schema.js';
import { MemorySessionStore, type SessionStore } from '../session/session-store.js';
import { warmScriptTables } from '../text/script.js';
import type { Answer, Lang, Question, SessionContext } from '../types.js';
import { wordMatcher } from '../text/clauses.js';
import { composeClauses, premisesOf, readClauses, type Think } from './compose.js';
import { createComparer, type Comparison } from './compare.js';
import { decide, type Decision } from './decide.js';
import { replyTo } from './reply.js';
import { createUnderstanding, type Understood } from './understand.js';

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
  /** Loads the script-detection table every question reads now instead of on the first question (see warmScriptTables). */
  warmUp(): void;
  readonly knowledge: Knowledge;
}

/**
 * Builds an engine over one report's knowledge. Pure: no I/O and no clock but the one passed in.
 * `ask` is synchronous so the whole path stays in microseconds; long-running adapters call `warmUp`
 * at start so the first question does not pay for loading tables.
 */
export function createEngine(knowledge: Knowledge, options: EngineOptions = {}): Engine {
  const sessions = options.sessions ?? new MemorySessionStore();
  const clock = options.clock;
  const figures = createFigures(knowledge);
  const build = createAnswerBuilder(knowledge, figures);
  const understanding = createUnderstanding(knowledge, figures);
  const intents = new Map(knowledge.intents.map((i) => [i.id, i]));
  const comparer = createComparer(knowledge, figures);
  const derivedIds = new Set(knowledge.derived.map((d) => d.id));
  /**
   * A comparison of two figures replaces what the question's words alone found, unless that is
   * the pack's own formula for it (curated derived figures win) or the question is out of scope.
   */
  const withComparison = (d: Decision, comparison: Comparison | undefined): Decision => {
    if (!comparison || !['answer', 'which', 'unknown', 'sentence', 'breakdown'].includes(d.kind)) return d;
    if (d.kind === 'answer' && d.intents.length === 1 && derivedIds.has(d.intents[0]?.checks ?? '')) return d;
    return { kind: 'compare', comparison };
  };
  /** "问题有几条 措施有几条 是不是一样多": the two figures came from two clauses; the last asks to compare them. */
  const acrossClauses = (d: Decision, u: Understood): Comparison | undefined => {
    const op = comparer.opOf(u);
    if (!op || op === 'sum' || d.kind !== 'answer' || d.intents.length !== 2) return undefined;
    const operands = d.intents.map((intent) => {
      const value = intent.checks === undefined ? undefined : figures.value(intent.checks);
      return intent.checks !== undefined && value !== undefined ? { intent, figure: intent.checks, value } : undefined;
    });
    const [a, b] = operands;
    return a && b && a.figure !== b.figure ? { op, a, b } : undefined;
  };
  /** The last two answers' rules, for "两个加起来多少?" (the same rule twice counts once). */
  const recentAfter = (context: SessionContext | undefined, id: string | undefined) => {
    const before = (context?.recent ?? []).filter((r) => r !== id);
    const recent = id ? [...before.slice(-1), id] : before;
    return recent.length > 0 ? { recent } : {};
  };
  const asking = knowledge.scope.askMarkers;
  const asks = wordMatcher(asking?.zh ?? [], asking?.en ?? []);

  function respond(text: string, context?: SessionContext): Turn {
    const now = clock?.();
    const think: Think = (clause, ctx) => {
      const u = understanding.understand(clause, ctx, now);
      return { u, d: decide(u, understanding, intents, (id) => figures.list(id)?.items.length ?? 0, (id) => figures.value(id), (id) => figures.unit(id, 'zh')) };
    };
    const clauses = readClauses(text, asks);
    const composed = composeClauses(text, clauses, context, think);
    const { u: understood } = composed;
    const compared = withComparison(composed.d, comparer.read(understood, context, think) ?? acrossClauses(composed.d, understood));
    // A wrong figure stated in passing is corrected, never taken as given.
    const decision = compared.kind === 'answer' ? { ...compared, premises: premisesOf(clauses, think, (id) => figures.value(id)) } : compared;
    const { answer, remember } = replyTo(decision, understood, build, figures, intents);
    const offered = decision.kind === 'which' ? decision.options.map((o) => o.id) : undefined;
    const topic = remember?.id ?? (offered ? (context?.intent ?? offered[0]) : undefined);
    const next: SessionContext | undefined = topic
      ? {
          intent: topic,
          concepts: [...understood.concepts],
          lang: understood.lang,
          at: now ?? 0,
          ...(offered ? { options: offered } : {}),
          ...(decision.kind === 'item' ? { item: decision.index } : {}),
          ...recentAfter(context, remember?.id),
        }
      : context;
    return { answer, context: next };
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
