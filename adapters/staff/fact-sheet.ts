import { createFigures } from '../../src/answer/figures.js';
import type { Knowledge } from '../../src/knowledge/schema.js';
import { column, type Table } from './table.js';

const FORMULA: Record<string, string> = {
  'ratio-percent': 'a ÷ b × 100',
  ratio: 'a ÷ b',
  difference: 'a − b − …',
  sum: 'a + b + …',
  'per-month': 'a ÷ 12',
};

/**
 * Every figure of the report, stated and derived, and every list, with the section and the
 * verbatim sentence it rests on: what staff check an answer against. Derived figures are computed
 * by the engine's own code (never typed in) and cite the stated figures they come from.
 */
export function factSheet(knowledge: Knowledge): Table {
  const figures = createFigures(knowledge);
  const sections = new Map(knowledge.sections.map((s) => [s.id, s]));
  const facts = new Map(knowledge.facts.map((f) => [f.id, f]));
  const derived = new Map(knowledge.derived.map((d) => [d.id, d]));
  const titleOf = (id: string) => sections.get(id)?.title ?? id;

  /** The stated facts a derived figure rests on, through derived ones in between. */
  const leaves = (id: string, seen = new Set<string>()): string[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    const d = derived.get(id);
    return d ? d.args.flatMap((arg) => leaves(arg, seen)) : facts.has(id) ? [id] : [];
  };

  const rows: Table['rows'] = [
    ...knowledge.facts.map((f) => ({
      kind: '数字 stated',
      id: f.id,
      label: f.label.zh,
      labelEn: f.label.en,
      value: `${f.approx ? '约 ' : ''}${f.value}${f.unit.zh ? ` ${f.unit.zh}` : ''}`,
      formula: '',
      section: titleOf(f.section),
      quote: f.quote,
    })),
    ...knowledge.derived.map((d) => {
      const from = [...new Set(leaves(d.id))].map((id) => facts.get(id)).filter((f) => f !== undefined);
      return {
        kind: '推算 derived',
        id: d.id,
        label: d.label.zh,
        labelEn: d.label.en,
        value: `${figures.value(d.id) ?? ''}${d.unit.zh ? ` ${d.unit.zh}` : ''}`,
        formula: `${FORMULA[d.op] ?? d.op}; ${d.args.map((arg, i) => `${String.fromCharCode(97 + i)} = ${arg}`).join(', ')}`,
        section: [...new Set(from.map((f) => titleOf(f.section)))].join(' / '),
        quote: from.map((f) => f.quote).join(' … '),
      };
    }),
    ...knowledge.lists.map((l) => ({
      kind: '列表 list',
      id: l.id,
      label: l.label.zh,
      labelEn: l.label.en,
      value: l.items.map((item, i) => `${i + 1}. ${item.zh}`).join('\n'),
      formula: `${l.items.length} 项 items`,
      section: titleOf(l.section),
      quote: l.quote,
    })),
  ];
  return {
    name: 'facts',
    columns: [
      column('kind', '类别', 'kind'),
      column('id', '编号', 'id'),
      column('label', '名称', 'label'),
      column('labelEn', '英文名称', 'label (English)'),
      column('value', '数值', 'value'),
      column('formula', '算法或项数', 'formula or items'),
      column('section', '出处章节', 'section'),
      column('quote', '原文', 'verbatim quote'),
    ],
    rows,
  };
}
