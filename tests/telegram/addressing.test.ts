import { describe, expect, it } from 'vitest';
import type { Message } from 'telegraf/types';
import { questionIn } from '../../adapters/telegram/addressing.js';
import { uiLangOf } from '../../adapters/telegram/texts.js';
import { BOT, textUpdate } from './fixtures.js';

const messageOf = (u: ReturnType<typeof textUpdate>) => (u as { message: Message.TextMessage }).message;

describe('questionIn', () => {
  it('takes every private message', () => {
    expect(questionIn(messageOf(textUpdate('网站公开了多少条?')), BOT)).toBe('网站公开了多少条?');
  });

  it('in groups takes only mentions of this bot and replies to it, with the mention cut out', () => {
    expect(questionIn(messageOf(textUpdate('网站公开了多少条?', { group: true })), BOT)).toBeUndefined();
    expect(questionIn(messageOf(textUpdate('@other_bot 网站公开了多少条?', { group: true })), BOT)).toBeUndefined();
    expect(questionIn(messageOf(textUpdate('@Gongkai_QA_bot 网站公开了多少条?', { group: true })), BOT)).toBe('网站公开了多少条?');
    expect(questionIn(messageOf(textUpdate('请问 @gongkai_qa_bot 网站公开了多少条?', { group: true })), BOT)).toBe('请问 网站公开了多少条?');
    expect(questionIn(messageOf(textUpdate('那其他形式呢?', { group: true, replyToBot: true })), BOT)).toBe('那其他形式呢?');
  });
});

describe('uiLangOf', () => {
  it('maps Telegram language codes to the three UI languages, simplified by default', () => {
    expect(uiLangOf(undefined)).toBe('zh-Hans');
    expect(uiLangOf('zh-hans')).toBe('zh-Hans');
    expect(uiLangOf('zh')).toBe('zh-Hans');
    expect(uiLangOf('zh-TW')).toBe('zh-Hant');
    expect(uiLangOf('zh-hk')).toBe('zh-Hant');
    expect(uiLangOf('zh-hant')).toBe('zh-Hant');
    expect(uiLangOf('en')).toBe('en');
    expect(uiLangOf('en-GB')).toBe('en');
    expect(uiLangOf('ru')).toBe('zh-Hans');
  });
});
