import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/answer/messages.js';
import { textsFor } from '../../adapters/telegram/texts.js';
import { FEEDBACK_THANKS } from '../../adapters/telegram/feedback-buttons.js';
import { NOTICES, PHRASES } from '../../adapters/wechat/phrases.js';
import { HINTS, PAGE_FOOTER, welcomeText } from '../../adapters/wechat-oa/texts.js';
import { engineFor, ingest } from '../ingest/ingest-support.js';
import { bundledKnowledge } from '../support/engine.js';

/**
 * Half-width marks (, : ; ( ) ? !) in the Chinese lines of a text of ours. Slots ({f:id}) and
 * what stands between 「」 “” 《》 are left out: those are the report's words, quoted as written.
 * A comma or colon between digits (1,000, 10:30) is a figure, not punctuation.
 */
function halfWidthMarks(text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    if (!/\p{Script=Han}/u.test(line)) continue;
    const own = line.replace(/\{[^}]*\}|「[^」]*」|“[^”]*”|《[^》]*》/g, '□');
    for (const m of own.matchAll(/[,:;()?!]/g)) {
      const at = m.index;
      if (/[,:]/.test(m[0]) && /\d/.test(own[at - 1] ?? '') && /\d/.test(own[at + 1] ?? '')) continue;
      found.push(`${m[0]} in “${line.slice(Math.max(0, at - 12), at + 12)}”`);
    }
  }
  return found;
}

const marksOf = (texts: Iterable<string>) => [...texts].flatMap(halfWidthMarks);

describe('Chinese typography of the bot’s own sentences', () => {
  it('finds the half-width marks it is meant to find, and none in quotes, slots or figures', () => {
    expect(halfWidthMarks('共13798条:其中网站13126条,以其他形式(按报告)?')).toHaveLength(5);
    expect(halfWidthMarks('来源：概述「2011年,通遼市」，共1,000条，{f:proactive.total}条，《条例(试行)》')).toEqual([]);
    expect(halfWidthMarks('Sorry, I found nothing (try again): ok?')).toEqual([]);
  });

  it('the engine’s messages use full-width punctuation in Chinese and half-width in English', () => {
    expect(marksOf(Object.values(MESSAGES).map((m) => m.zh))).toEqual([]);
    expect(Object.values(MESSAGES).map((m) => m.en).join('\n')).not.toMatch(/[，：；（）？！]/);
  });

  it('the curated pack’s questions, replies, labels and list items do', () => {
    const k = bundledKnowledge();
    const texts = [
      ...k.intents.flatMap((i) => [i.question.zh, i.reply.zh]),
      ...[...k.facts, ...k.derived, ...k.lists].map((x) => x.label.zh),
      ...k.lists.flatMap((l) => l.items.map((item) => item.zh)),
      ...k.meta.examples.zh,
      k.meta.scope.zh,
    ];
    expect(marksOf(texts)).toEqual([]);
  });

  it('the channels’ own phrases do (Telegram, WeChat, Official Account)', () => {
    const texts: string[] = [];
    for (const lang of ['zh-Hans', 'zh-Hant'] as const) {
      const t = textsFor(lang);
      texts.push(t.intro('某市报告'), t.help('bot', '开了多少次新闻发布会？'), t.examplesHead, t.sectionsHead, t.nonText, t.flood, t.expired, t.failed, t.whyNone, t.unknownCommand);
      texts.push(...Object.values(t.commands), FEEDBACK_THANKS[lang], PHRASES[lang].related, PHRASES[lang].replyWithNumber, PAGE_FOOTER[lang](1, 3));
    }
    texts.push(...Object.values(NOTICES), ...Object.values(HINTS), welcomeText('某市报告', ['开了多少次新闻发布会？']));
    expect(marksOf(texts)).toEqual([]);
  });

  it('the rules ingest writes do, for a report that writes full-width itself', () => {
    const r = ingest(
      Buffer.from(
        [
          '某县2013年政府信息公开工作年度报告',
          '一、概述',
          '全年召开两次专题会议，培训120人次。',
          '二、主动公开政府信息情况',
          '共公开信息286条，其中机构职能类12条。',
          '信息内容 | 本年新公开数量 | 对外公开总数量',
          '规章 | 2 | 9',
          '三、依申请公开政府信息情况',
          '本年度未收到政府信息公开申请。',
          '四、存在的主要问题及改进措施',
          '主要问题有：一是公开意识不强；二是公开内容不够丰富。',
        ].join('\n'),
      ),
      '某县人民政府',
      2013,
    );
    const { intents, meta } = r.knowledge;
    expect(intents.length).toBeGreaterThan(5);
    expect(marksOf([...intents.flatMap((i) => [i.question.zh, i.reply.zh]), ...meta.examples.zh])).toEqual([]);
    const about = engineFor(r).ask({ text: '这是哪个单位哪一年的报告？' });
    expect(about.message).toMatch(/^这是某县人民政府2013年的政府信息公开工作年度报告（《/);
  });
});
