import type { Answer } from '../../src/types.js';
import { splitMessage, type Block } from './split-message.js';
import { textsFor } from './texts.js';

export interface RenderOptions {
  /** The question, shown above the answer when it was asked by a button rather than typed. */
  asked?: string;
  /** Longest message; Telegram's limit unless a test wants smaller chunks. */
  limit?: number;
}

/**
 * An Answer as blocks: the statement, then each citation as its section title in bold and the
 * verbatim quote in an expandable blockquote (long quotes fold, so the answer stays on screen).
 * English replies show the English section title with the original after it, because the quote
 * itself stays in Chinese.
 */
export function answerBlocks(answer: Answer, options: RenderOptions = {}): Block[] {
  const label = textsFor(answer.lang).sourceLabel;
  const blocks: Block[] = [];
  if (options.asked) blocks.push({ text: `❓ ${options.asked}`, open: '<i>', close: '</i>' });
  blocks.push({ text: answer.message, before: '\n\n' });
  for (const citation of answer.citations) {
    const title = answer.lang === 'en' && citation.sectionEn ? `${citation.sectionEn} (${citation.section})` : citation.section;
    blocks.push({ text: answer.lang === 'en' ? `${label}: ` : `${label}:`, before: '\n\n' });
    blocks.push({ text: title, open: '<b>', close: '</b>' });
    blocks.push({ text: citation.quote, open: '<blockquote expandable>', close: '</blockquote>', before: '\n' });
  }
  return blocks;
}

/** An Answer as one or more Telegram HTML messages, every piece of text escaped. */
export function renderAnswer(answer: Answer, options: RenderOptions = {}): string[] {
  return splitMessage(answerBlocks(answer, options), options.limit);
}
