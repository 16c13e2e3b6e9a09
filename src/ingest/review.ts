import type { IngestResult } from './ingest-report.js';

const cell = (s: string | number) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ⏎ ');
const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The counts a staff member sees first, and the last line the command prints. */
export function summaryOf(result: IngestResult, out: string): string[] {
  const { knowledge, meta, messages } = result;
  const figures = knowledge.facts.filter((f) => !f.none);
  const none = knowledge.facts.filter((f) => f.none);
  const cells = figures.filter((f) => f.table);
  const unplaced = messages.filter((m) => m.kind === 'unplaced');
  return [
    `body ${meta.body} (${meta.found.body}), year ${meta.year} (${meta.found.year}), title ${meta.title}`,
    `sections: ${knowledge.sections.map((s) => `${s.id}=${s.kind ?? '?'}`).join(', ')}`,
    `${figures.length} figures (${cells.length} table cells), ${none.length} negations, ${knowledge.lists.length} lists, ${knowledge.intents.length} rules; ${messages.filter((m) => m.kind === 'stripped').length} lines of page chrome stripped${unplaced.length ? `; ${unplaced.length} parts not placed (see review.md)` : ''}`,
    `review: ${out}/review.md`,
    `ok: ${meta.body} ${meta.year}: ${knowledge.sections.length} sections, ${figures.length} figures, ${none.length} negations, ${knowledge.lists.length} lists → ${out}`,
  ];
}

/**
 * review.md: every figure with its label and quote, every section with its kind, every list, and
 * what could not be placed, so a staff member can check an ingested report in a few minutes and
 * correct a label in facts.json.
 */
export function reviewOf(result: IngestResult): string {
  const { knowledge, meta, messages } = result;
  const out: string[] = [];
  out.push(`# Review: ${meta.title}`, '');
  out.push(`- body: **${meta.body}** (from ${meta.found.body}); year: **${meta.year}** (from ${meta.found.year}); places: ${meta.places.join('、')}`);
  const contact = knowledge.meta.contact;
  out.push(`- contact (out-of-scope and unknown replies quote it): ${contact ? `${contact.section}: “${cell(contact.quote)}”` : 'none found in the report; replies name none'}`);
  out.push('- Check each figure against its quote; to correct a label, edit `label` in facts.json (the editor checks it against knowledge/schema). Run `npm run ask -- --why "…"` with KNOWLEDGE_DIR set to this folder to see which rule answers.', '');
  out.push('## Sections', '', '| id | kind | title | parent |', '|---|---|---|---|');
  for (const s of knowledge.sections) out.push(`| ${s.id} | ${s.kind ?? ''} | ${cell(s.title)} | ${s.parent ?? ''} |`);
  out.push('', '## Figures', '', '| id | value | unit | what it counts | quote |', '|---|---|---|---|---|');
  for (const f of knowledge.facts.filter((x) => !x.none)) out.push(`| ${f.id} | ${f.approx ? '≈' : ''}${f.value} | ${f.unit.zh} | ${cell(f.label.zh)} | ${cell(clip(f.quote))} |`);
  out.push('', '## Negations (answered as "none", with the quote)', '', '| id | what did not happen | quote |', '|---|---|---|');
  for (const f of knowledge.facts.filter((x) => x.none)) out.push(`| ${f.id} | ${cell(f.label.zh)} | ${cell(clip(f.quote))} |`);
  out.push('', '## Lists', '');
  for (const l of knowledge.lists) out.push(`- **${l.id}** ${l.label.zh}: ${l.items.map((i) => i.zh).join(' / ')}`);
  const notes = messages.filter((m) => m.kind === 'unplaced' || m.kind === 'note');
  out.push('', '## Not placed', '', ...(notes.length ? notes.map((m) => `- line ${m.line ?? '?'}: ${m.text}`) : ['- nothing']));
  out.push('', '## Stripped as page chrome', '', ...messages.filter((m) => m.kind === 'stripped').map((m) => `- line ${m.line ?? '?'}: ${cell(m.text)}`));
  return `${out.join('\n')}\n`;
}
