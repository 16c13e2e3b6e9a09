import { describe, expect, it } from 'vitest';
import { QuestionIds } from '../../adapters/telegram/keyboard.js';
import { answerReply } from '../../adapters/telegram/reply.js';
import { testEngine } from '../support/engine.js';
import { visibleText } from './fixtures.js';

describe('answerReply', () => {
  const engine = testEngine();

  it('shows a greeting once: its lead-in, then the suggestions as buttons, not also as lines', () => {
    const greeting = engine.ask({ text: '你好' });
    const reply = answerReply(greeting, new QuestionIds());
    const text = reply.messages.map(visibleText).join('\n');
    expect(text).toMatch(/例如[:：]$/);
    for (const s of greeting.suggestions) expect(text).not.toContain(s);
    expect(reply.keyboard?.inline_keyboard.map((row) => row[0]?.text)).toEqual(greeting.suggestions);
  });

  it('leaves an answer without listed suggestions as it is', () => {
    const answer = engine.ask({ text: '开了多少次新闻发布会?' });
    expect(visibleText(answerReply(answer, new QuestionIds()).messages[0] ?? '')).toContain(answer.message);
  });
});
