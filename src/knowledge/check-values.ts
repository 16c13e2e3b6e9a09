import type { KnowledgeIssue } from './check-references.js';
import { numbersIn } from './chinese-number.js';
import type { Derived, Knowledge } from './schema.js';

/** A report's year has twelve months: the only constant a formula may use (as in answer/figures). */
const MONTHS_PER_YEAR = 12;
const ARITY: Record<Derived['op'], { min: number; max: number }> = {
  'ratio-percent': { min: 2, max: 2 },
  ratio: { min: 2, max: 2 },
  difference: { min: 2, max: Infinity },
  sum: { min: 1, max: Infinity },
  'per-month': { min: 1, max: 1 },
};

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;
/** Words that state that nothing happened, in any report: 未, 没有, 无, 零, 为0. */
const NEGATION = /未|没有|沒有|无|無|零|为0|為0|均为0/;

/** A `source` wording states a value when one of its numerals is it; one with no numeral (未收到) can only state zero. */
const statesValue = (source: string, value: number) => {
  const stated = numbersIn(source);
  return stated.length > 0 ? stated.some((n) => same(n, value)) : value === 0;
};
const letters = (text: string) => [...text.matchAll(/[\p{L}\p{N}]/gu)].length;

/**
 * Checks the pack's values where references alone cannot: each fact's value is stated in its own
 * quote (or in its `source` wording, which must stand in the quote), every formula yields a finite
 * number without dividing by zero, quotes say something, suggestions are not repeated and section
 * parents form no cycle. A figure its own quote does not state would be cited as evidence it lacks.
 */
export function checkValues(k: Knowledge): KnowledgeIssue[] {
  const issues: KnowledgeIssue[] = [];
  const add = (file: string, path: string, message: string) => issues.push({ file, path, message });

  k.facts.forEach((f, i) => {
    const at = `facts[${i}]`;
    if (f.source !== undefined && f.source.split('…').some((part) => !f.quote.includes(part))) {
      add('facts.json', `${at}.source`, `"${f.source}" does not stand in the fact's quote`);
    }
    if (numbersIn(f.quote).some((n) => same(n, f.value)) || (f.value < 0 && f.quote.includes(String(f.value))) || (f.source !== undefined && statesValue(f.source, f.value))) return;
    // A negation ("未收到申请") is a cited none: its wording must say that nothing happened.
    if (f.none && f.value === 0 && NEGATION.test(f.source ?? f.quote)) return;
    if (f.source !== undefined) add('facts.json', `${at}.source`, `"${f.source}" does not state the value ${f.value}, nor does the quote`);
    else add('facts.json', `${at}.value`, `${f.value} does not occur in the fact's quote (in Arabic or Chinese numerals); fix the value, or give the wording in "source"`);
  });

  const quote = (file: string, path: string, text: string) => {
    for (const part of text.split('…')) {
      if (letters(part) < 2) add(file, path, `quote "${part}" is too short to cite: it needs at least two letters or digits`);
    }
  };
  k.facts.forEach((f, i) => quote('facts.json', `facts[${i}].quote`, f.quote));
  k.lists.forEach((l, i) => quote('facts.json', `lists[${i}].quote`, l.quote));
  k.intents.forEach((intent, i) => intent.cite.forEach((c, j) => quote('intents.json', `intents[${i}].cite[${j}].quote`, c.quote)));

  const facts = new Map(k.facts.map((f) => [f.id, f.value]));
  const derived = new Map<string, number>();
  const value = (id: string) => facts.get(id) ?? derived.get(id) ?? Number.NaN;
  k.derived.forEach((d, i) => {
    const at = `derived[${i}]`;
    const { min, max } = ARITY[d.op];
    if (d.args.length < min || d.args.length > max) {
      add('facts.json', `${at}.args`, `${d.op} takes ${min === max ? min : `at least ${min}`} figure${min === 1 && max === 1 ? '' : 's'}, got ${d.args.length}`);
      return;
    }
    const values = d.args.map(value);
    const [first = Number.NaN, second = Number.NaN] = values;
    if ((d.op === 'ratio' || d.op === 'ratio-percent') && second === 0) {
      add('facts.json', `${at}.args[1]`, `divides by "${d.args[1]}", which is 0`);
      return;
    }
    const result =
      d.op === 'ratio-percent' ? (first / second) * 100
      : d.op === 'ratio' ? first / second
      : d.op === 'per-month' ? first / MONTHS_PER_YEAR
      : d.op === 'difference' ? values.slice(1).reduce((a, b) => a - b, first)
      : values.reduce((a, b) => a + b, 0);
    if (!Number.isFinite(result)) add('facts.json', at, `${d.op} of ${d.args.join(', ')} is ${result}, not a finite number`);
    else derived.set(d.id, result);
  });

  k.intents.forEach((intent, i) => {
    const seen = new Set<string>();
    intent.suggest.forEach((s, j) => {
      if (seen.has(s)) add('intents.json', `intents[${i}].suggest[${j}]`, `"${s}" is suggested twice`);
      seen.add(s);
    });
  });

  const parents = new Map(k.sections.map((s) => [s.id, s.parent]));
  const reported = new Set<string>();
  k.sections.forEach((s, i) => {
    const chain = [s.id];
    for (let at = s.parent; at !== null && at !== undefined; at = parents.get(at) ?? null) {
      if (at === s.id) {
        if (!chain.some((id) => reported.has(id))) add('report.json', `sections[${i}].parent`, `sections form a cycle: ${[...chain, at].join(' → ')}`);
        chain.forEach((id) => reported.add(id));
        break;
      }
      if (chain.includes(at)) break;
      chain.push(at);
    }
  });
  return issues;
}
