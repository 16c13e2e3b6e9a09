import { describe, expect, it } from 'vitest';
import { clausesOf } from '../../src/text/clauses.js';
import { readChoice } from '../../src/match/qualifiers.js';
import { testEngine } from '../support/engine.js';

describe('clauses of a message', () => {
  it('cuts at punctuation of either width and at spaces between Chinese words, keeping decimals and English', () => {
    expect(clausesOf('我是赤峰人，刚搬来通辽, 想问开了几次? 简报几期').map((c) => c.text)).toEqual(['我是赤峰人', '刚搬来通辽', '想问开了几次', '简报几期']);
    expect(clausesOf('办结率是98.97%吗').map((c) => c.text)).toEqual(['办结率是98.97%吗']);
    expect(clausesOf('how many more cases were handled').map((c) => c.text)).toEqual(['how many more cases were handled']);
  });

  it('remembers which clause a question mark closed', () => {
    expect(clausesOf('网站公开了多少条？其他形式呢').map((c) => c.questionMark)).toEqual([true, false]);
  });
});

describe('a pick from a numbered list', () => {
  it('reads digits, Chinese ordinals and English ordinals, and nothing longer', () => {
    expect(['2', '第二个', '第2个', '二', '选3', 'the second one', '2nd', 'option 3'].map(readChoice)).toEqual([2, 2, 2, 2, 3, 2, 2, 3]);
    expect(readChoice('第二个问题是什么意思')).toBeUndefined();
    expect(readChoice('2011')).toBeUndefined();
  });
});

describe('what a question asks for', () => {
  const engine = testEngine();

  it('compares any two figures through the formula mechanism, citing both', () => {
    const a = engine.ask({ text: '查阅点接待的人次和参加业务培训的人次哪个多，多多少？' });
    expect(a.outcome).toBe('answered');
    expect(a.message).toContain('305');
    expect(a.message).toContain('270');
    expect(a.message).toContain('305 − 270 = 35');
    expect(a.citations.map((c) => c.sectionId).sort()).toEqual(['carriers', 'proactive']);
  });

  it('computes a ratio and a share with the formula written out', () => {
    expect(engine.ask({ text: '其他形式公开的是不予公开的几倍' }).message).toContain('672 ÷ 64 ≈ 10.5');
    expect(engine.ask({ text: '培训人次是查阅人次的几分之几' }).message).toContain('88.52%');
  });

  it('answers the first side from the conversation ("那比…多多少")', () => {
    const session = 'cmp-follow-up';
    engine.ask({ text: '网站上主动公开了多少条信息', session });
    const a = engine.ask({ text: '那比其他形式公开的多多少条', session });
    expect(a.message).toContain('13126 − 672 = 12454');
  });

  it('compares the last two answers when asked about "both" of them', () => {
    const session = 'cmp-both';
    engine.ask({ text: '开了多少次新闻发布会', session });
    engine.ask({ text: '简报呢', session });
    expect(engine.ask({ text: '两个加起来多少', session }).message).toContain('24 + 15 = 39');
    const other = 'cmp-same';
    engine.ask({ text: '网站公开了多少条', session: other });
    engine.ask({ text: '其他形式呢', session: other });
    expect(engine.ask({ text: '两者一样吗', session: other }).message).toContain('不一样');
  });

  it('corrects a wrong figure stated in passing, citing it, and lets a rough one stand', () => {
    const a = engine.ask({ text: '既然开了30次新闻发布会，旗县区开了几次?' });
    expect(a.outcome).toBe('answered');
    expect(a.message).toContain('不是30次，而是24次');
    expect(a.message).toContain('8次');
    expect(engine.ask({ text: '网站公开了13000条，那其他形式呢' }).message).not.toContain('不是');
  });

  it('answers both questions of a two-part message', () => {
    const a = engine.ask({ text: '新闻发布会开了多少次 简报发了几期' });
    expect(a.outcome).toBe('answered');
    expect(a.message).toContain('24');
    expect(a.message).toContain('15期');
  });

  it('does not let a place in the story refuse the question after it', () => {
    const a = engine.ask({ text: '我们赤峰那边审批大厅老是排长队，听说通辽的行政审批中心做得挺好，想了解一下2011年通辽市行政审批中心全年一共办理了多少件，办结了多少件' });
    expect(a.outcome).toBe('answered');
    expect(a.message).toContain('23210');
    expect(a.message).toContain('22970');
  });

  it('still refuses a question that is itself about another place', () => {
    expect(engine.ask({ text: '我是通辽人，想问赤峰市2011年开了几次新闻发布会？' }).outcome).toBe('out_of_scope');
  });

  it('says what the report does not give instead of a neighbouring fact', () => {
    for (const text of ['有多少个部门进驻了市行政审批中心', '新闻发布会里经济类的有几次?', '全市政务公开工作会议是几月几号开的?', '没成立政务服务中心的那4个旗县都叫啥名字', '审批中心在哪里', '网站公开的信息里教育类的有多少条']) {
      const a = engine.ask({ text });
      expect(a.outcome, text).toBe('out_of_scope');
      expect(a.citations.length, text).toBeGreaterThan(0);
    }
  });

  it('keeps answering what the rule does give (names listed, a person named)', () => {
    expect(engine.ask({ text: '4个配套文件分别叫什么名字' }).outcome).toBe('answered');
    expect(engine.ask({ text: '年初会上讲话的那个常务副市长叫啥?' }).message).toContain('张国秋');
    expect(engine.ask({ text: '查阅点设在哪里' }).message).toContain('档案馆');
  });

  it('answers "why" with the report’s sentence that gives the reason, and declines when none does', () => {
    const adjusted = engine.ask({ text: '领导小组为啥要调整' });
    expect(adjusted.outcome).toBe('answered');
    expect(adjusted.citations[0]?.quote).toContain('机构改革');
    expect(engine.ask({ text: '为啥要明确固定联络人员' }).citations[0]?.quote).toContain('断档脱节');
    expect(engine.ask({ text: '为什么审批中心办结率这么高' }).outcome).toBe('out_of_scope');
  });

  it('reads 咋弄的 of how something was done as a question, not a personal errand, and 会开了几次 as meetings', () => {
    const how = engine.ask({ text: '工作机制咋弄的 一把手负总责那个' });
    expect(how.outcome).toBe('answered');
    expect(how.message).toContain('分管领导具体抓');
    expect(engine.ask({ text: '我申请信息公开该咋弄' }).outcome).toBe('out_of_scope');
    expect(engine.ask({ text: '我想申请公开个信息 去哪申请 咋弄' }).outcome).toBe('out_of_scope');
    expect(engine.ask({ text: '会开了几次' }).message).toContain('9次');
  });

  it('gives the report’s words under a named problem when asked where it falls short', () => {
    const a = engine.ask({ text: '日常管理有哪些不规范的地方' });
    expect(a.outcome).toBe('answered');
    expect(a.citations[0]?.quote).toContain('不动栏');
  });

  it('declines to advise the asker (该不该告他们), saying so, with no figure', () => {
    for (const text of ['能去告他们吗', '我申请的材料被拒了，你说我该不该去法院告他们', 'Should I sue them?']) {
      const a = engine.ask({ text });
      expect(a.outcome, text).toBe('out_of_scope');
      expect(a.message.split('\n')[0], text).toMatch(/不能替您拿主意|cannot decide for you/);
      expect(a.citations, text).toEqual([]);
    }
  });

  it('answers opinions and predictions with one plain sentence, no figure', () => {
    for (const text of ['你给打几分', '明年会开多少次新闻发布会', '哪个旗县的信息公开做得最好']) {
      const a = engine.ask({ text });
      expect(a.outcome, text).toBe('out_of_scope');
      expect(a.message.split('\n')[0], text).not.toMatch(/\d{2,}/);
      expect(a.citations, text).toEqual([]);
    }
  });
});

describe('conversation state', () => {
  const engine = testEngine();

  it('takes "2" after a clarify as the second option offered', () => {
    const session = 'pick';
    const clarify = engine.ask({ text: '一共多少', session });
    expect(clarify.outcome).toBe('clarify');
    const second = engine.ask({ text: '2', session });
    expect(second.outcome).toBe('answered');
    expect(clarify.suggestions[1]).toBeDefined();
    expect(second.intent).not.toBe(engine.ask({ text: clarify.suggestions[0] ?? '' }).intent);
    expect(second.intent).toBe(engine.ask({ text: clarify.suggestions[1] ?? '' }).intent);
  });

  it('keeps a traditional conversation traditional in a follow-up of common characters', () => {
    const session = 'hant';
    engine.ask({ text: '網站公開了多少條?', session });
    const a = engine.ask({ text: '那其他形式呢?', session });
    expect(a.lang).toBe('zh-Hant');
    expect(a.message).toContain('公開');
  });

  it('quotes the report under the item just given when asked why', () => {
    const session = 'detail';
    engine.ask({ text: '报告里说要从哪几个方面改进', session });
    engine.ask({ text: '第一条是什么', session });
    const a = engine.ask({ text: '为什么', session });
    expect(a.outcome).toBe('answered');
    expect(a.citations[0]?.quote).toContain('断档');
  });

  it('does not repeat the last answer when a follow-up asks for another measure', () => {
    const session = 'measure';
    engine.ask({ text: '新闻发布会开了几次', session });
    const a = engine.ask({ text: '多少人次?', session });
    expect(a.outcome).toBe('out_of_scope');
    expect(a.message).toContain('人次');
  });
});
