import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Answer } from '../../src/types.js';
import { questionKeyboard, type QuestionIds } from './keyboard.js';
import { renderAnswer, type RenderOptions } from './render-html.js';

/** What the bot sends for one turn: HTML messages in order, the keyboard under the last one. */
export interface Reply {
  messages: string[];
  keyboard?: InlineKeyboardMarkup;
}

/** An Answer as a Reply: rendered and split, its suggestions or clarify options as buttons. */
export function answerReply(answer: Answer, ids: QuestionIds, options: RenderOptions = {}): Reply {
  const keyboard = questionKeyboard(answer.suggestions, ids);
  return { messages: renderAnswer(answer, options), ...(keyboard ? { keyboard } : {}) };
}
