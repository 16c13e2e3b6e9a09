import type { Fact, Intent, List } from '../knowledge/schema.js';
import type { Vocabulary } from './vocabulary.js';

/** One thing of the report a question can ask for, with the words it is known by. */
export interface Answerable {
  id: string;
  /** Concepts of what it counts or names, most telling first. */
  concepts: string[];
  /** The concept of the counted noun or unit (查阅点, 人次), weighed higher. */
  key: string[];
  /** Concepts a question must also name to mean this and not its neighbour (a table's non-total column). */
  extra: string[];
  /** A question naming only its column and asking how many means it (the table row 本年新收 for "企业申请了几件"). */
  columnOnly?: boolean;
  /** Concepts of the whole it is a part of (a total's 主动公开 for one category): they rank, never qualify. */
  whole?: string[];
  /** Concepts of the paragraph title it stands under ("(一)政务公开栏。…公开信息八十四条"): they rank, never qualify. */
  topic?: string[];
  question: { zh: string; en: string };
  reply: { zh: string; en: string };
  cite: Intent['cite'];
  checks?: string;
  kind: 'figure' | 'none' | 'list' | 'section' | 'about';
  section: string;
  /** The report's own words for it (its label), for telling apart figures known by the same concepts. */
  surface?: string;
  /** Concepts that show a question is about something else (a phone number is no figure of a part). */
  refuses?: string[];
  /** Later years it speaks of ("2017年,我局将重点做好…"): a question naming them asks for it, not another report. */
  years?: number[];
  /**
   * The share of its weights it keeps (default 1): a statistics table appended to the report restates
   * figures of the text, whose sentences are the better answer where both fit.
   */
  share?: number;
}

const MAX_WEIGHT = 3;
/** How much a part's whole speaks for it: enough to rank it above a sibling, never to stand alone. */
const WHOLE_SHARE = 0.5;

/**
 * Rules for every answerable thing: each concept weighs more the fewer things share it (so 网站
 * tells the website figure from the total), a rule needs at least one of its most telling concepts,
 * and a question word fits its kind (多少 for figures, 哪些 for lists, 有没有 for negations).
 */
export function buildRules(things: Answerable[], vocabulary: Vocabulary): Intent[] {
  const df = new Map<string, number>();
  for (const t of things) for (const c of new Set([...t.concepts, ...t.key, ...t.extra])) df.set(c, (df.get(c) ?? 0) + 1);
  const n = Math.max(things.length, 2);
  const weightOf = (c: string) => 1 + Math.min(MAX_WEIGHT - 1, Math.log2(n / (df.get(c) ?? 1)));
  return things.map((t) => {
    const weights: Record<string, number> = {};
    const share = t.share ?? 1;
    const add = (c: string, w: number) => {
      weights[c] = Math.round(Math.max(weights[c] ?? 0, w * share) * 100) / 100;
    };
    const telling = [...new Set([...t.key, ...t.concepts])].filter((c) => !vocabulary.isGeneric(c));
    for (const c of t.concepts) add(c, vocabulary.isGeneric(c) ? 0.5 : weightOf(c) * (t.kind === 'section' ? 0.45 : 1));
    for (const c of t.key) add(c, weightOf(c) * 1.5);
    for (const c of t.extra) add(c, weightOf(c));
    for (const c of [...(t.whole ?? []), ...(t.topic ?? [])]) if (weights[c] === undefined && !vocabulary.isGeneric(c)) add(c, weightOf(c) * WHOLE_SHARE);
    if (t.kind === 'figure' || t.kind === 'none') add('count', 1);
    if (t.kind === 'list') add('what', 2.5);
    if (t.kind === 'section') add('summary', 1);
    // A question must name at least one telling concept of it, and the column a table cell adds.
    const all = t.columnOnly && t.extra.length ? [t.extra, ['count']] : [telling.length ? telling : Object.keys(weights)];
    if (t.extra.length && !t.columnOnly) all.push(t.extra);
    // A part of a total must be named by what sets it apart ("当面申请"), or "收到几件申请" finds a part.
    const apart = t.whole ? telling.filter((c) => !t.whole?.includes(c)) : [];
    if (apart.length && apart.length < telling.length) all.push(apart);
    return {
      id: t.id,
      question: t.question,
      // A list answers "which", not "how many": a count question goes to a figure or to nothing.
      match: { all: all.filter((g) => g.length > 0), weights, none: [...(t.kind === 'list' ? ['count'] : []), ...(t.refuses ?? []).filter((c) => weights[c] === undefined)] },
      reply: t.reply,
      cite: t.cite,
      ...(t.checks ? { checks: t.checks } : {}),
      ...(t.surface ? { surface: t.surface } : {}),
      years: t.years ?? [],
      suggest: [],
    };
  });
}

/** Up to three neighbours of each rule in the same section, offered after its answer. */
export function linkSuggestions(intents: Intent[], things: Answerable[]): void {
  const section = new Map(things.map((t) => [t.id, t.section]));
  for (const intent of intents) {
    intent.suggest = intents
      .filter((o) => o.id !== intent.id && section.get(o.id) === section.get(intent.id))
      .slice(0, 3)
      .map((o) => o.id);
  }
}

export type { Fact, List };
