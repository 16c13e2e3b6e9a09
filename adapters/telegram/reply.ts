import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Answer } from '../../src/types.js';
import { withoutListedSuggestions } from '../shared/listed-suggestions.js';
import { questionKeyboard, type QuestionIds } from './keyboard.js';
import { renderAnswer, type RenderOptions } from './render-html.js';

/** What the bot sends for one turn: HTML messages in order, the keyboard under the last one. */
export interface Reply {
  messages: string[];
  keyboard?: InlineKeyboardMarkup;
}

/**
 * An Answer as a Reply: rendered and split, its suggestions or clarify options as buttons. The
 * lines of the message that list those same questions are dropped, since the buttons show them;
 * a lead-in the message ends with ("例如：") then heads the buttons, and nothing is said twice.
 */
export function answerReply(answer: Answer, ids: QuestionIds, options: RenderOptions = {}): Reply {
  const keyboard = questionKeyboard(answer.suggestions, ids);
  const shown = keyboard ? { ...answer, message: withoutListedSuggestions(answer.message, answer.suggestions).text } : answer;
  return { messages: renderAnswer(shown, options), ...(keyboard ? { keyboard } : {}) };
}
