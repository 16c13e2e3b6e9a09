import type { Figures } from '../answer/figures.js';
import type { Intent, Knowledge } from '../knowledge/schema.js';
import type { SessionContext } from '../types.js';
import type { Think } from './compose.js';
import type { Understood } from './understand.js';

/** What a comparison asks of two figures. */
export type CompareOp = 'difference' | 'ratio' | 'share' | 'which' | 'equal' | 'sum';

/** One side of a comparison: the rule that states the figure, and the figure. */
export interface Operand {
  intent: Intent;
  figure: string;
  value: number;
}

export interface Comparison {
  op: CompareOp;
  a: Operand;
  b: Operand;
}

const OPS: readonly CompareOp[] = ['difference', 'ratio', 'share', 'which', 'equal', 'sum'];
/** When a question holds several (哪个多, 多多少), the more specific operation is the one asked. */
const SPECIFIC: readonly CompareOp[] = ['ratio', 'share', 'difference', 'equal', 'which', 'sum'];
/** "A是B的几倍", "A占B的百分之几": the figure before 是/占 is measured against the one after. */
const MEASURED_AGAINST = /^(.+?)(?:是|占|为|佔)(.+?)的?$/;
/** Joints that say least about the operands are tried last (加 is also the 加 of 参加). */
/** Words that point back at the two figures just given. */
const BOTH = /两个|两者|这两|二者|两项|两个数|俩|both|the two|these two/;
const WEAK_JOINTS = new Set(['加', '加上', 'or', 'and', 'plus']);

interface Found {
  op: CompareOp;
  at: number;
  term: string;
}

/** A side of a comparison that is another year, not a figure of the report ("上年", "去年同期"). */
const OTHER_YEAR_SIDE = /^(?:上年|上一年|去年|前一年|往年|上年度|上一年度|last year|the year before|the previous year)/;

/**
 * Reads comparisons between any two figures of the report ("培训人次比查阅人次多多少",
 * "网站公开是其他形式的几倍"): finds the operation, cuts the question into its two sides and reads
 * each side as a question of its own (the second as a follow-up of the first, so "受理的和办结的"
 * keeps its subject). Both sides must be figures the report states; the result is computed by the
 * pack's formula mechanism, never typed in.
 */
export function createComparer(knowledge: Knowledge, figures: Figures) {
  const ops = new Map(knowledge.scope.comparisons.map((c) => [c.id, c]));
  const joints = knowledge.scope.operandJoints;
  const opTerms = knowledge.scope.comparisons.flatMap((c) => [...c.zh, ...c.en]).sort((x, y) => y.length - x.length);
  const zhJoints = [...(joints?.zh ?? [])].sort((x, y) => Number(WEAK_JOINTS.has(x)) - Number(WEAK_JOINTS.has(y)) || y.length - x.length);
  const enJoints = [...(joints?.en ?? [])].sort((x, y) => Number(WEAK_JOINTS.has(x)) - Number(WEAK_JOINTS.has(y)));

  const escape = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const enTerms = OPS.flatMap((op) => (ops.get(op)?.en ?? []).map((term) => ({ op, term, pattern: new RegExp(`(?:^|[^a-z])${escape(term)}(?![a-z])`) })));
  const zhTerms = OPS.flatMap((op) => (ops.get(op)?.zh ?? []).map((term) => ({ op, term })));

  // The Chinese terms by first character: a question's own characters tell which terms to look for.
  const zhTermsByFirst = new Map<number, number[]>();
  zhTerms.forEach(({ term }, k) => {
    const list = zhTermsByFirst.get(term.charCodeAt(0));
    if (list) list.push(k);
    else zhTermsByFirst.set(term.charCodeAt(0), [k]);
  });

  /** The terms of operations a Chinese question holds, each at its first occurrence, in the terms' order. */
  function zhTermsIn(form: string): Found[] {
    const at = new Map<number, number>();
    for (let i = 0; i < form.length; i++) {
      for (const k of zhTermsByFirst.get(form.charCodeAt(i)) ?? []) if (!at.has(k) && form.startsWith(zhTerms[k]?.term ?? '', i)) at.set(k, i);
    }
    return [...at.keys()].sort((x, y) => x - y).map((k) => ({ op: zhTerms[k]?.op ?? 'sum', term: zhTerms[k]?.term ?? '', at: at.get(k) ?? 0 }));
  }

  function findOp(form: string, english: boolean): Found | undefined {
    const found: Found[] = [];
    if (english) {
      for (const { op, term, pattern } of enTerms) {
        const at = pattern.exec(form)?.index;
        if (at !== undefined) found.push({ op, at: at > 0 ? at + 1 : at, term });
      }
    } else found.push(...zhTermsIn(form));
    if (found.length === 0) return undefined;
    // "A和B加起来占多少": shares added up; the share words name the sum's unit, not another operation.
    const sumFirst = found.find((f) => f.op === 'sum');
    const shareAfter = sumFirst && found.some((f) => f.op === 'share' && f.at > sumFirst.at);
    const op = shareAfter && !found.some((f) => f.op !== 'sum' && f.op !== 'share') ? 'sum' : SPECIFIC.find((o) => found.some((f) => f.op === o));
    const first = [...found].sort((x, y) => x.at - y.at)[0];
    const chosen = found.find((f) => f.op === op) ?? first;
    return chosen && first ? { op: chosen.op, at: first.at, term: first.term } : undefined;
  }

  /** The two sides' own words, and what follows the operation (the unit they are counted in). */
  function sides(form: string, found: Found, english: boolean): [string, string, string] | undefined {
    const before = form.slice(0, found.at).trim();
    const after = form.slice(found.at + found.term.length).trim();
    if (!english && (found.op === 'ratio' || found.op === 'share')) {
      const m = MEASURED_AGAINST.exec(before);
      if (m?.[1] && m[2]) return [m[1], m[2], after];
    }
    const pool = before.length > 0 ? before : after;
    const tail = before.length > 0 ? after : '';
    const cut = splitAtJoint(pool, english);
    if (cut) return [...cut, tail];
    // "Is A the same as B": the joint opens what follows the operation.
    const opening = (english ? enJoints : zhJoints).find((j) => (english ? new RegExp(`^${j}\\s`).test(after) : after.startsWith(j)));
    if (before.length > 0 && opening) return [before, after.slice(opening.length).trim(), ''];
    return undefined;
  }

  const known = (intent: Intent, figure: string): Operand | undefined => {
    const value = figures.value(figure);
    return value === undefined ? undefined : { intent, figure, value };
  };

  /**
   * The two sides around a joint. "A跟B比": when 比 leaves nothing after it, the joint before it
   * (跟, 和, 与) is the one that parts A from B.
   */
  function splitAtJoint(pool: string, english: boolean): [string, string] | undefined {
    for (const joint of english ? enJoints : zhJoints) {
      const at = english ? pool.search(new RegExp(`(?:^|\\s)${joint}\\s`)) : pool.lastIndexOf(joint);
      if (at < 0) continue;
      const cut = english && at > 0 ? at + 1 : at;
      const [left, right] = [pool.slice(0, cut).trim(), pool.slice(cut + joint.length).trim()];
      if (!english && joint === '比' && !/\p{Script=Han}{2,}/u.test(right.replace(/大概|大约|是|多少|一下/g, ''))) {
        const inner = splitAtJoint(left, english);
        if (inner) return inner;
      }
      return [left, right];
    }
    return undefined;
  }

  /** "两个加起来多少?", "are the two the same?": the figures of the last two answers. */
  function lastTwo(u: Understood, op: CompareOp): Comparison | undefined {
    if (!BOTH.test(u.form) || u.recent.length < 2) return undefined;
    const [first, second] = u.recent;
    const a = first?.checks !== undefined ? known(first, first.checks) : undefined;
    const b = second?.checks !== undefined ? known(second, second.checks) : undefined;
    return a && b && a.figure !== b.figure ? { op, a, b } : undefined;
  }

  function operand(t: ReturnType<Think>): Operand | undefined {
    if (t.d.kind !== 'answer') return undefined;
    const intent = t.d.intents[0];
    const figure = intent?.checks;
    const value = figure === undefined ? undefined : figures.value(figure);
    return intent && figure !== undefined && value !== undefined ? { intent, figure, value } : undefined;
  }

  // Both entry points read the operation of the same question, one after the other: found once.
  let last: { form: string; english: boolean; found: Found | undefined } | undefined;
  const opIn = (form: string, english: boolean) => {
    if (last?.form !== form || last.english !== english) last = { form, english, found: findOp(form, english) };
    return last.found;
  };

  return {
    /** The operation a question asks for, if it compares at all. */
    opOf(u: Understood): CompareOp | undefined {
      return opIn(u.form, u.lang === 'en')?.op;
    },
    /** The comparison a question asks for, when both its sides are figures of the report. */
    read(u: Understood, context: SessionContext | undefined, think: Think): Comparison | undefined {
      const english = u.lang === 'en';
      const found = opIn(u.form, english);
      if (!found) return undefined;
      const parts = sides(u.form, found, english);
      if (!parts) return lastTwo(u, found.op);
      const [left, right, rawTail] = parts;
      // What follows the operation names the unit ("多开了几次" → 几次), never the operation again.
      const tail = opTerms.reduce((t, term) => t.split(term).join(' '), rawTail).trim();
      const ask = (side: string) => (english ? `how many ${side} ${tail}` : `${side}多少${tail}`);
      const hasWords = (side: string) => /[\p{L}\p{N}]{2,}/u.test(side.replace(/^(那么|那|and|so)\s*/, ''));
      // "比上年多了多少": the other side is last year's figure, which no report of this year holds.
      if (!hasWords(right) || OTHER_YEAR_SIDE.test(right.trim())) return undefined;
      // "那比其他形式公开的多多少条": the first side is the figure just given.
      const first = hasWords(left) ? think(ask(left), undefined) : undefined;
      const previous = u.previous?.checks;
      const a = first ? operand(first) : u.previous && previous !== undefined ? known(u.previous, previous) : undefined;
      if (!a) return undefined;
      const asFollowUp: SessionContext = { intent: a.intent.id, concepts: first ? [...first.u.concepts] : [...(context?.concepts ?? [])], lang: u.lang, at: context?.at ?? 0 };
      const b = operand(think(ask(right), asFollowUp)) ?? operand(think(ask(right), undefined));
      if (!b || a.figure === b.figure) return undefined;
      return { op: found.op, a, b };
    },
  };
}

export type Comparer = ReturnType<typeof createComparer>;
