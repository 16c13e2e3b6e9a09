import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { botNames, mentionsName, stripMentions } from '../../adapters/wechat/mention.js';
import { createPacer } from '../../adapters/wechat/pacer.js';
import { renderAnswer, renderCitation } from '../../adapters/wechat/render-text.js';
import { splitMessage } from '../../adapters/wechat/split-message.js';
import { createSuggestionMemory, parseChoice } from '../../adapters/wechat/suggestion-memory.js';
import { makeAnswer } from './stub-engine.js';

const citation = { sectionId: 'carriers', section: '夯實載體', sectionEn: 'Strengthening the channels', quote: '新聞發布會24次' };

describe('renderCitation', () => {
  it('writes the source line in the reply’s script', () => {
    expect(renderCitation({ ...citation, section: '夯实载体', quote: '新闻发布会24次' }, 'zh-Hans')).toBe('【来源】夯实载体：「新闻发布会24次」');
    expect(renderCitation(citation, 'zh-Hant')).toBe('【來源】夯實載體：「新聞發布會24次」');
    expect(renderCitation(citation, 'en')).toBe('[Source] Strengthening the channels (夯實載體): 「新聞發布會24次」');
    expect(renderCitation({ ...citation, sectionEn: undefined }, 'en')).toBe('[Source] 夯實載體: 「新聞發布會24次」');
  });
});

describe('renderAnswer', () => {
  it('puts an English answer’s suggestions under an English heading', () => {
    const answer = makeAnswer({ lang: 'en', message: 'It held 24 press conferences.', citations: [citation], suggestions: ['How many briefings were issued?'] });
    expect(renderAnswer(answer)).toBe(
      'It held 24 press conferences.\n[Source] Strengthening the channels (夯實載體): 「新聞發布會24次」\n\nYou could also ask (reply with the number):\n1. How many briefings were issued?',
    );
  });

  it('keeps a clarify question’s options numbered once', () => {
    const answer = makeAnswer({ outcome: 'clarify', lang: 'zh-Hant', message: '您想問的是哪一個？\n1. 甲?\n2. 乙?', suggestions: ['甲?', '乙?'] });
    expect(renderAnswer(answer)).toBe('您想問的是哪一個？\n1. 甲?\n2. 乙?\n（回覆序號即可提問）');
  });

  it('leaves an answer without citations or suggestions as the message alone', () => {
    expect(renderAnswer(makeAnswer({ message: '请输入一个问题。', outcome: 'unknown' }))).toBe('请输入一个问题。');
  });
});

describe('splitMessage', () => {
  it('leaves a short text whole and cuts a long one after a sentence end', () => {
    expect(splitMessage('一句话。')).toEqual(['一句话。']);
    expect(splitMessage('第一句。第二句很长。', 8)).toEqual(['第一句。', '第二句很长。']);
    expect(splitMessage('他说:「好。」然后走了。', 8)).toEqual(['他说:「好。」', '然后走了。']);
    expect(splitMessage('One. Two three four.', 10)).toEqual(['One.', 'Two three', 'four.']);
  });

  it('cuts hard only inside an overlong sentence, never through a surrogate pair', () => {
    expect(splitMessage('😀😀😀', 3)).toEqual(['😀', '😀', '😀']);
  });

  it('keeps every part within the limit and loses nothing but whitespace at the cuts', () => {
    const pieces = fc.constantFrom('通辽', '公开', '。', '!', '?', '\n', ' ', 'a', '.', '」', '😀', '13126');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 300 }).map((p) => p.join('')), fc.integer({ min: 2, max: 60 }), (text, max) => {
        const parts = splitMessage(text, max);
        expect(parts.every((p) => p.length > 0 && p.length <= max)).toBe(true);
        expect(parts.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });
});

describe('mentions', () => {
  const names = botNames('通辽助手', '助手', undefined, '通辽助手');
  it('finds and strips the bot’s names, longest first', () => {
    expect(names).toEqual(['通辽助手', '助手']);
    expect(mentionsName('@通辽助手\u2005网站公开了多少条?', names)).toBe(true);
    expect(mentionsName('网站公开了多少条?', names)).toBe(false);
    expect(stripMentions('@通辽助手\u2005网站公开了多少条?', names)).toBe('网站公开了多少条?');
    expect(stripMentions('请问 @助手 网站公开了多少条?', names)).toBe('请问 网站公开了多少条?');
  });
});

describe('suggestion choices', () => {
  it('reads a bare number, half- or full-width, and nothing else', () => {
    expect(parseChoice('2')).toBe(2);
    expect(parseChoice(' ２ ')).toBe(2);
    expect(parseChoice('3.')).toBe(3);
    expect(parseChoice('12')).toBe(12);
    expect(parseChoice('2011年')).toBeUndefined();
    expect(parseChoice('13126')).toBeUndefined();
  });

  it('forgets a conversation’s suggestions when a reply brings none, and stays bounded', () => {
    const memory = createSuggestionMemory(2);
    memory.remember('a', ['甲', '乙']);
    expect(memory.pick('a', '2')).toBe('乙');
    expect(memory.pick('a', '3')).toBeUndefined();
    memory.remember('a', []);
    expect(memory.pick('a', '1')).toBeUndefined();
    memory.remember('b', ['丙']);
    memory.remember('c', ['丁']);
    memory.remember('d', ['戊']);
    expect(memory.pick('b', '1')).toBeUndefined();
    expect(memory.pick('d', '1')).toBe('戊');
  });
});

describe('pacer', () => {
  it('spaces sends in one chat by the interval, in order, and does not hold other chats', async () => {
    let now = 0;
    const sleeps: number[] = [];
    const pacer = createPacer({ clock: () => now, sleep: async (ms) => void (sleeps.push(ms), (now += ms)) });
    const order: string[] = [];
    const send = (chat: string, label: string) => pacer.send(chat, async () => void order.push(`${label}@${now}`));
    await Promise.all([send('x', 'x1'), send('x', 'x2'), send('y', 'y1'), send('x', 'x3')]);
    expect(order).toEqual(['x1@0', 'y1@0', 'x2@1000', 'x3@2000']);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it('keeps sending after a failed send', async () => {
    const pacer = createPacer({ clock: () => 0, sleep: async () => {} });
    await expect(pacer.send('x', async () => Promise.reject(new Error('network')))).rejects.toThrow('network');
    await expect(pacer.send('x', async () => 'ok')).resolves.toBe('ok');
  });
});
