import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_LIMIT, QuestionIds, askData, parseAskData, questionKeyboard } from '../../adapters/telegram/keyboard.js';

const buttons = (k: ReturnType<typeof questionKeyboard>) => (k?.inline_keyboard ?? []).flat() as { text: string; callback_data: string }[];

describe('question buttons', () => {
  it('puts one question per row with short callback_data that leads back to the question', () => {
    const ids = new QuestionIds();
    const questions = ['以其他形式公开了多少条信息?', '网站公开占公开总数的比例是多少?这个问题写得很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长']
    const keyboard = questionKeyboard(questions, ids);
    expect(keyboard?.inline_keyboard).toHaveLength(2);
    for (const [i, button] of buttons(keyboard).entries()) {
      expect(Buffer.byteLength(button.callback_data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
      expect(ids.questionOf(parseAskData(button.callback_data) ?? '')).toBe(questions[i]);
    }
    expect([...(buttons(keyboard)[1]?.text ?? '')].length).toBeLessThanOrEqual(60);
  });

  it('gives the same question the same id, and drops duplicates and blanks', () => {
    const ids = new QuestionIds();
    expect(QuestionIds.idOf('问')).toBe(QuestionIds.idOf('问'));
    expect(buttons(questionKeyboard(['问', '问', ' '], ids))).toHaveLength(1);
    expect(questionKeyboard([], ids)).toBeUndefined();
  });

  it('forgets the least recent questions beyond its bound, but never pinned ones', () => {
    const ids = new QuestionIds(2);
    const pinned = ids.pin('固定的问题');
    const first = ids.register('一');
    ids.register('二');
    ids.register('三');
    expect(ids.questionOf(first)).toBeUndefined();
    expect(ids.questionOf(pinned)).toBe('固定的问题');
    expect(ids.questionOf(QuestionIds.idOf('三'))).toBe('三');
  });

  it('ignores callback data it did not write', () => {
    expect(parseAskData(undefined)).toBeUndefined();
    expect(parseAskData('other:123')).toBeUndefined();
    expect(parseAskData('q:')).toBeUndefined();
    expect(parseAskData('q:<script>')).toBeUndefined();
    expect(parseAskData(askData('abc_-9'))).toBe('abc_-9');
  });
});
