import { describe, expect, it } from 'vitest';
import { Converter } from 'opencc-js/t2cn';
import { testEngine } from '../support/engine.js';

const toSimplified = Converter({ from: 'tw', to: 'cn' });

describe('the engine', () => {
  const engine = testEngine();

  it('answers with the figure, the section title and a verbatim quote, in simplified Chinese', () => {
    const a = engine.ask({ text: '网站公开了多少条?' });
    expect(a).toMatchObject({ outcome: 'answered', lang: 'zh-Hans', intent: 'proactive.website' });
    expect(a.message).toContain('13126条');
    expect(a.citations[0]).toMatchObject({ sectionId: 'proactive', section: '主动公开政府信息情况' });
    expect(a.citations[0]?.quote).toContain('13126条');
    expect(a.text).toBe(`${a.message}\n来源：${a.citations[0]?.section}「${a.citations[0]?.quote}」`);
    expect(toSimplified(a.text)).toBe(a.text);
  });

  it('replies in traditional Chinese to a traditional question, quoting the report as written', () => {
    const a = engine.ask({ text: '網站主動公開多少條政府信息?' });
    expect(a.lang).toBe('zh-Hant');
    expect(a.message).toContain('13126條');
    expect(a.citations[0]?.quote).toContain('通遼市在政府入口網站上主動公開政府信息13126條');
    expect(toSimplified(a.text)).not.toBe(a.text);
  });

  it('replies in English to an English question', () => {
    const a = engine.ask({ text: 'How many approval cases were handled?' });
    expect(a).toMatchObject({ outcome: 'answered', lang: 'en' });
    expect(a.message).toMatch(/23210 approval and service cases/);
    expect(a.citations[0]?.sectionEn).toBe('Proactive disclosure of government information');
  });

  it.each([
    ['新闻发部会开了几次', '24次'],
    ['政务公开减报编了几期', '15期'],
    ['陪训了几次', '4次'],
    ['查越点有几个', '9个查阅点'],
    ['How many press conferense were held', '24 press conferences'],
  ])('tolerates the typos people make: %s', (text, expected) => {
    const a = engine.ask({ text });
    expect(a.outcome).toBe('answered');
    expect(a.message).toContain(expected);
  });

  it('computes derived figures and says they are computed', () => {
    const a = engine.ask({ text: '审批的办结率?' });
    expect(a.message).toContain('98.97%');
    expect(a.message).toContain('计算');
  });

  it('confirms or corrects an "is it N?" question with the report figure', () => {
    expect(engine.ask({ text: '是不是开了24次发布会?' }).message).toMatch(/^对，是24次。/);
    expect(engine.ask({ text: '网站公开了13000条吗?' }).message).toMatch(/^不是13000条。.*13126条/);
    expect(engine.ask({ text: 'Were 24 press conferences held?' }).message).toMatch(/^Yes, 24\. In 2011, 24 press conferences/);
  });

  it('reads rough guesses in Chinese numerals and says how close they are', () => {
    expect(engine.ask({ text: '大概一万三千条吧?' }).message).toMatch(/^大致是，准确数字如下。/);
    expect(engine.ask({ text: '审批中心办结了两万三千件吧' }).message).toMatch(/^不是23000件。.*22970件/);
  });

  it('never passes a 2011 figure off as another year', () => {
    const a = engine.ask({ text: '2014年公开了多少条?' });
    expect(a.outcome).toBe('out_of_scope');
    expect(a.text).not.toContain('13798');
    expect(a.text).toContain('2014');
    expect(a.suggestions[0]).toBe('2011年一共公开了多少条政府信息？');
  });

  it('answers 今年/去年 from the report with its year stated, reading them through the clock', () => {
    const a = engine.ask({ text: '去年开了几次新闻发布会' });
    expect(a.outcome).toBe('answered');
    expect(a.message).toMatch(/^这份报告只涵盖2011年，以下是2011年的数字。\n.*24次/);
    expect(a.explain.qualifiers).toEqual(['relative-year:2025']);
    const in2011 = testEngine(() => Date.UTC(2011, 5, 1)).ask({ text: '今年开了几次新闻发布会' });
    expect(in2011.message).toMatch(/^2011年全市共召开/);
  });

  it('says other places and other topics are out of scope, pointing to a disclosure request', () => {
    expect(engine.ask({ text: '赤峰市公开了多少条信息' }).outcome).toBe('out_of_scope');
    const weather = engine.ask({ text: '通辽明天会下雨吗?' });
    expect(weather.outcome).toBe('out_of_scope');
    expect(weather.text).toContain('申请公开');
  });

  it('asks which reading is meant when two are equally close', () => {
    const a = engine.ask({ text: '多少人次?' });
    expect(a.outcome).toBe('clarify');
    expect(a.suggestions.length).toBeGreaterThan(1);
  });

  it('answers both parts of a two-part question', () => {
    const a = engine.ask({ text: '这份报告讲的是哪个市哪一年的情况' });
    expect(a.outcome).toBe('answered');
    expect(a.text).toContain('通辽');
    expect(a.text).toContain('2011');
  });

  it('resolves follow-ups within a session, and only there', () => {
    engine.ask({ text: '网站公开了多少条?', session: 'f1' });
    expect(engine.ask({ text: '那其他形式呢?', session: 'f1' }).message).toContain('672');
    expect(engine.ask({ text: '那不予公开的呢?', session: 'f1' }).message).toContain('64');
    expect(engine.ask({ text: '那其他形式呢?', session: 'f2' }).explain.usedContext).toBe(false);
  });

  it('answers one item of the list just given (第三条), and follows a new topic', () => {
    engine.ask({ text: '存在哪些问题?', session: 'f4' });
    const third = engine.ask({ text: '第三条具体说的啥', session: 'f4' });
    expect(third).toMatchObject({ outcome: 'answered', intent: 'problems' });
    expect(third.message).toMatch(/^第3项：公开内容有待丰富/);
    engine.ask({ text: '简报发了多少期?', session: 'f5' });
    expect(engine.ask({ text: 'What about training sessions?', session: 'f5' }).message).toContain('4 training sessions');
  });

  it('does not repeat the last answer to thanks or an off-topic question', () => {
    engine.ask({ text: '网站公开了多少条?', session: 'f3' });
    expect(engine.ask({ text: '谢谢', session: 'f3' }).intent).toBeNull();
    expect(engine.ask({ text: '今天吃什么', session: 'f3' }).outcome).toBe('unknown');
  });

  it('explains itself: the rule, its score and the runner-up', () => {
    const { explain } = engine.ask({ text: '网站公开了多少条?' });
    expect(explain.rule).toBe('proactive.website');
    expect(explain.score).toBeGreaterThan(explain.runnerUp?.score ?? 0);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'whitespace'],
    ['🙂'.repeat(50), 'emoji'],
    ['x'.repeat(100_000), 'huge'],
    ['<script>alert(1)</script>', 'markup'],
    ["'; DROP TABLE questions; --", 'SQL'],
    ['\u0000\u0001\u0002', 'control characters'],
  ])('gives bad input (%#: %s) a clear reply and keeps serving', (text) => {
    const a = engine.ask({ text });
    expect(a.outcome).toBe('unknown');
    expect(a.text.trim().length).toBeGreaterThan(0);
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(engine.ask({ text: '简报发了多少期?' }).message).toContain('15');
  });
});
