import type { Derived, Knowledge, List } from '../knowledge/schema.js';

export type ReplyLang = 'zh' | 'en';

/** The report's figures by id, with derived ones computed from facts (never typed in). */
export interface Figures {
  value(id: string): number | undefined;
  list(id: string): List | undefined;
  /** The unit a figure is counted in ("条", "%"), for echoing a number back with it. */
  unit(id: string, lang: ReplyLang): string;
  /** What a figure counts, in the report's words ("召开新闻发布会"), for naming it in a comparison. */
  label(id: string, lang: ReplyLang): string | undefined;
  /** A figure the question asks for but no pack declares: a formula over declared figures, computed the same way. */
  formula(d: Derived): number;
  /** Renders a reply template: {f:…} and {d:…} figures, {l:…} numbered lists, {n:…} list sizes. */
  render(template: string, lang: ReplyLang): string;
}

/** A report's year has twelve months: the only constant a formula may use. */
const MONTHS_PER_YEAR = 12;

function compute(d: Derived, known: (id: string) => number | undefined): number {
  const values = d.args.map((id) => known(id) ?? Number.NaN);
  const [first = Number.NaN, ...rest] = values;
  const raw =
    d.op === 'ratio-percent'
      ? (first / (rest[0] ?? Number.NaN)) * 100
      : d.op === 'ratio'
        ? first / (rest[0] ?? Number.NaN)
        : d.op === 'per-month'
          ? first / MONTHS_PER_YEAR
        : d.op === 'difference'
          ? rest.reduce((a, b) => a - b, first)
          : values.reduce((a, b) => a + b, 0);
  const scale = 10 ** d.decimals;
  return Math.round(raw * scale) / scale;
}

/** Arabic digits always; an approximate figure says so, and 万 amounts keep the report's wording too. */
function formatNumber(value: number, approx: boolean, lang: ReplyLang): string {
  if (lang === 'en') return approx ? `about ${value}` : String(value);
  if (!approx) return String(value);
  return value >= 10_000 && value % 10_000 === 0 ? `约${value / 10_000}万（${value}）` : `约${value}`;
}

export function createFigures(knowledge: Knowledge): Figures {
  const facts = new Map(knowledge.facts.map((f) => [f.id, f]));
  const lists = new Map(knowledge.lists.map((l) => [l.id, l]));
  const derived = new Map<string, number>();
  const value = (id: string) => facts.get(id)?.value ?? derived.get(id);
  for (const d of knowledge.derived) derived.set(d.id, compute(d, value));

  const renderList = (list: List, lang: ReplyLang) =>
    list.items.map((item, i) => `\n${i + 1}. ${item[lang]}`).join('');

  return {
    value,
    unit: (id, lang) => {
      const unit = (facts.get(id) ?? knowledge.derived.find((d) => d.id === id))?.unit[lang] ?? '';
      return lang === 'en' && unit && unit !== '%' ? ` ${unit}` : unit;
    },
    list: (id) => lists.get(id),
    label: (id, lang) => (facts.get(id) ?? knowledge.derived.find((d) => d.id === id))?.label[lang],
    formula: (d) => compute(d, value),
    render(template, lang) {
      return template.replace(/\{([fdln]):([a-z0-9.-]+)\}/g, (slot, kind: string, id: string) => {
        if (kind === 'l' || kind === 'n') {
          const list = lists.get(id);
          if (!list) return slot;
          return kind === 'l' ? renderList(list, lang) : String(list.items.length);
        }
        const fact = facts.get(id);
        const v = value(id);
        return v === undefined ? slot : formatNumber(v, fact?.approx ?? false, lang);
      });
    },
  };
}
