import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Lang } from '../../src/types.js';
import type { Rating } from '../storage/index.js';

const PREFIX = 'fb:';
const DATA = /^fb:(up|down):([0-9a-f-]{36})$/;

/** What the user sees after tapping a thumb (a toast, not a message). */
export const FEEDBACK_THANKS: Record<Lang, string> = {
  'zh-Hans': '谢谢您的反馈！',
  'zh-Hant': '謝謝您的回饋！',
  en: 'Thank you for the feedback!',
};

/** The callback_data of a thumb: the rating and the logged question's id (41 bytes, under Telegram's 64). */
export const feedbackData = (rating: Rating, questionId: string) => `${PREFIX}${rating}:${questionId}`;

/** The rating and question id in a thumb's callback_data, or undefined for any other button. */
export function parseFeedbackData(data: string | undefined): { rating: Rating; questionId: string } | undefined {
  const match = data ? DATA.exec(data) : null;
  return match ? { rating: match[1] as Rating, questionId: match[2] as string } : undefined;
}

/** The keyboard with a 👍 👎 row added under the answer's own buttons. */
export function withFeedbackRow(keyboard: InlineKeyboardMarkup | undefined, questionId: string): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      ...(keyboard?.inline_keyboard ?? []),
      [
        { text: '👍', callback_data: feedbackData('up', questionId) },
        { text: '👎', callback_data: feedbackData('down', questionId) },
      ],
    ],
  };
}
