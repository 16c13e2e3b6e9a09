import fc from 'fast-check';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/shared/logger.js';
import { createConversation, MAX_REPLY_BYTES, mountCallback, pageText } from '../../adapters/wechat-oa/index.js';
import { createStubEngine, makeAnswer } from '../wechat/stub-engine.js';
import { newOpenId } from './fixture.js';
import { StandInWechat, TEST_AES_KEY, TEST_APP_ID, TEST_TOKEN } from './stand-in-wechat.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const sentence = (i: number) => `第${i}项措施是进一步规范政府信息公开的工作流程并按期公布结果。`;
const statement = Array.from({ length: 60 }, (_, i) => sentence(i + 1)).join('');
const quote = '全年共办理各类审批、服务事项23210件,办结22970件。';

/** A stand-in WeChat posting to a bare Hono app whose engine gives one answer of some 5,700 bytes. */
function longAnswerFixture() {
  const engine = createStubEngine({
    '有哪些措施?': makeAnswer({ message: statement, citations: [{ sectionId: 'measures', section: '改进措施', quote }], suggestions: ['存在哪些主要问题?'] }),
  });
  const app = new Hono();
  const respond = createConversation({ engine, channel: 'wechat-oa', welcome: { title: '报告', examples: ['问题一?', '问题二?', '问题三?'] }, maxSessions: 100 });
  mountCallback(app, { channel: 'wechat-oa', path: '/wechat/oa', token: TEST_TOKEN, safeMode: { aesKey: TEST_AES_KEY, receiverId: TEST_APP_ID }, plainSignature: true, respond, logger: silentLogger });
  const oa = new StandInWechat({ platform: 'oa', mode: 'safe', token: TEST_TOKEN, path: '/wechat/oa', receiverId: TEST_APP_ID, aesKey: TEST_AES_KEY, send: (url, init) => app.request(url, init) });
  return { engine, oa };
}

describe('an answer over the platform\'s byte limit', () => {
  it('comes in pages under 2,000 bytes, whole sentences each, the rest on replies of 0', async () => {
    const { engine, oa } = longAnswerFixture();
    const user = newOpenId();
    const first = await oa.text(user, '有哪些措施?');
    const pages = [first.content ?? ''];
    expect(pages[0]).toMatch(/^第1项措施/);
    const total = Number(/第1\/(\d+)页，回复0查看下一页/.exec(pages[0] ?? '')?.[1]);
    expect(total).toBeGreaterThanOrEqual(3);
    for (let page = 2; page <= total; page++) pages.push((await oa.text(user, '0')).content ?? '');

    for (const [i, page] of pages.entries()) {
      expect(bytes(page), `page ${i + 1}`).toBeLessThanOrEqual(MAX_REPLY_BYTES);
      const body = i + 1 < total ? page.replace(`\n\n（第${i + 1}/${total}页，回复0查看下一页）`, '') : page;
      expect(body, `page ${i + 1} ends a sentence or line`).toMatch(/[。?)]$/);
    }
    const read = pages.join('\n');
    for (let i = 1; i <= 60; i++) expect(read).toContain(sentence(i));
    expect(pages.at(-1)).toContain(`【来源】改进措施：「${quote}」`);
    expect(pages.at(-1)).toContain('1. 存在哪些主要问题?');
    expect(pages.at(-1)).not.toContain('回复0查看下一页');
    expect(engine.asked.map((a) => a.text)).toEqual(['有哪些措施?']);
  });

  it('drops the unread pages when the next message is a new question', async () => {
    const { engine, oa } = longAnswerFixture();
    const user = newOpenId();
    await oa.text(user, '有哪些措施?');
    await oa.text(user, '别的问题');
    await oa.text(user, '0');
    expect(engine.asked.map((a) => a.text)).toEqual(['有哪些措施?', '别的问题', '0']);
  });
});

describe('pageText', () => {
  it('keeps every page within the bytes and loses no text, for any text', () => {
    const piece = fc.constantFrom('通辽市', '公开', 'open ', '信息。', '\n', '!', 'a.', ' ', '😀', '「引文」。', '1234567890');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 400 }), fc.integer({ min: 6, max: 400 }), (pieces, max) => {
        const text = pieces.join('');
        const pages = pageText(text, max);
        for (const page of pages) expect(bytes(page)).toBeLessThanOrEqual(max);
        expect(pages.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
    );
  });

  it('leaves a reply under the limit whole', () => {
    expect(pageText('网站公开了13126条。\n【来源】…', 2000)).toEqual(['网站公开了13126条。\n【来源】…']);
  });
});
