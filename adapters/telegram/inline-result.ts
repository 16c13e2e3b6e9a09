import type { InlineQueryResultArticle } from 'telegraf/types';
import type { Answer } from '../../src/types.js';
import { escapeHtml } from './escape-html.js';
import { QuestionIds } from './keyboard.js';
import { renderAnswer } from './render-html.js';

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * An answer as an inline-mode result: the list shows the question and the first line of the
 * answer; choosing it sends the question and the cited answer, as HTML, into the chat the user is
 * in. Only the first message-sized piece is sent; answers are far shorter than that.
 */
export function inlineArticle(question: string, answer: Answer): InlineQueryResultArticle {
  const [html = escapeHtml(answer.message)] = renderAnswer(answer, { asked: question });
  const firstLine = answer.message.split('\n').find((line) => line.trim()) ?? '';
  return {
    type: 'article',
    id: QuestionIds.idOf(question),
    title: clip(question, 100),
    description: clip(firstLine, 200),
    input_message_content: { message_text: html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
  };
}
