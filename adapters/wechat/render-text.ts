import type { Answer, Citation, Lang } from '../../src/types.js';
import { withoutListedSuggestions } from '../shared/listed-suggestions.js';
import { PHRASES } from './phrases.js';

/** One source line: `【来源】section：「quote」`, or in English the English title with the original. */
export function renderCitation(citation: Citation, lang: Lang): string {
  const label = PHRASES[lang].source;
  if (lang !== 'en') return `${label}${citation.section}：「${citation.quote}」`;
  const title = citation.sectionEn && citation.sectionEn !== citation.section ? `${citation.sectionEn} (${citation.section})` : citation.section;
  return `${label} ${title}: 「${citation.quote}」`;
}

/**
 * Renders an Answer as WeChat plain text (no markup is shown there): the statement, its sources,
 * then the suggestions as numbered lines so a reply of just the number can ask one. The engine's
 * message may already list the suggestions (as `• …` or `1. …` lines); those lines are dropped and
 * the numbered list stands in for them, so nothing is said twice. The list gets a heading of ours
 * only under an answer: other replies lead into it themselves ("例如：", "可以问：", "您想问的是哪一个？").
 */
export function renderAnswer(answer: Answer): string {
  const phrases = PHRASES[answer.lang];
  const { text, leadsIn } = withoutListedSuggestions(answer.message, answer.suggestions);
  const blocks = [[text.trim(), ...answer.citations.map((c) => renderCitation(c, answer.lang))].filter(Boolean).join('\n')];
  const numbered = answer.suggestions.map((s, i) => `${i + 1}. ${s}`);
  if (numbered.length > 0) {
    if (answer.outcome === 'answered' && !leadsIn) blocks.push([phrases.related, ...numbered].join('\n'));
    else blocks[0] = [blocks[0], ...numbered, phrases.replyWithNumber].join('\n');
  }
  return blocks.join('\n\n');
}
