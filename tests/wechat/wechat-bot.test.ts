import { afterEach, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { NOTICES } from '../../adapters/wechat/phrases.js';
import { BOT_NAME, settle, startFixture, type Fixture } from './fixture.js';
import { createStubEngine, makeAnswer } from './stub-engine.js';

const SITE = makeAnswer({
  message: '2011年通过政府网站公开政府信息13126条。',
  intent: 'site-count',
  citations: [{ sectionId: 'proactive', section: '主动公开政府信息情况', sectionEn: 'Proactive disclosure', quote: '通过政府网站公开政府信息13126条' }],
  suggestions: ['其他形式公开了多少条?', '开了多少次新闻发布会?'],
});
const OTHER = makeAnswer({
  message: '以其他形式公开信息672条。',
  citations: [{ sectionId: 'proactive', section: '主动公开政府信息情况', quote: '其他形式公开信息672条' }],
});
const PRESS = makeAnswer({
  message: '举办新闻发布会24次。',
  citations: [{ sectionId: 'carriers', section: '夯实载体', quote: '新闻发布会24次' }],
});

const SITE_REPLY = [
  '2011年通过政府网站公开政府信息13126条。',
  '【来源】主动公开政府信息情况：「通过政府网站公开政府信息13126条」',
  '',
  '您还可以问（回复序号即可）：',
  '1. 其他形式公开了多少条?',
  '2. 开了多少次新闻发布会?',
].join('\n');
const OTHER_REPLY = '以其他形式公开信息672条。\n【来源】主动公开政府信息情况：「其他形式公开信息672条」';
const PRESS_REPLY = '举办新闻发布会24次。\n【来源】夯实载体：「新闻发布会24次」';

function stub() {
  return createStubEngine({
    '网站公开了多少条?': SITE,
    '那其他形式呢?': OTHER,
    '其他形式公开了多少条?': OTHER,
    '开了多少次新闻发布会?': PRESS,
  });
}

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.stop();
  fixture = undefined;
});

describe('WeChat adapter on a PuppetMock', () => {
  it('answers a private question with the cited reply, and logs the QR code and login', async () => {
    const engine = stub();
    const f = (fixture = await startFixture({ engine }));
    f.mocker.scan('https://login.weixin.qq.com/l/mock-qr', types.ScanStatus.Waiting);
    f.zhang.say('网站公开了多少条?').to(f.botUser);

    const sent = await f.waitForSent(1);
    expect(sent).toEqual([{ to: f.zhang.id, text: SITE_REPLY }]);
    expect(engine.asked).toEqual([{ text: '网站公开了多少条?', session: 'wechat:dm:contact-zhang' }]);
    expect(f.qrCodes).toEqual(['https://login.weixin.qq.com/l/mock-qr']);
    expect(f.logs).toContainEqual(expect.objectContaining({ event: 'wechat.scan', url: 'https://wechaty.js.org/qrcode/https%3A%2F%2Flogin.weixin.qq.com%2Fl%2Fmock-qr' }));
    expect(f.logs).toContainEqual(expect.objectContaining({ event: 'wechat.login', user: BOT_NAME }));
  });

  it('keeps one session per contact: a follow-up goes to the same conversation, another person to their own', async () => {
    const engine = stub();
    const f = (fixture = await startFixture({ engine }));
    f.zhang.say('网站公开了多少条?').to(f.botUser);
    await f.waitForSent(1);
    f.zhang.say('那其他形式呢?').to(f.botUser);
    await f.waitForSent(2);
    f.li.say('那其他形式呢?').to(f.botUser);

    const sent = await f.waitForSent(3);
    expect(sent).toEqual([
      { to: f.zhang.id, text: SITE_REPLY },
      { to: f.zhang.id, text: OTHER_REPLY },
      { to: f.li.id, text: OTHER_REPLY },
    ]);
    expect(engine.asked.map((a) => a.session)).toEqual(['wechat:dm:contact-zhang', 'wechat:dm:contact-zhang', 'wechat:dm:contact-li']);
  });

  it('in a room, ignores messages without a mention and answers a mention with @asker', async () => {
    const engine = stub();
    const f = (fixture = await startFixture({ engine }));
    f.zhang.say('网站公开了多少条?').to(f.room);
    f.zhang.say(`@${BOT_NAME}\u2005网站公开了多少条?`, [f.botUser]).to(f.room);

    const sent = await f.waitForSent(1);
    await settle();
    expect(f.sent).toEqual([{ to: f.room.id, text: `@张三 ${SITE_REPLY}` }]);
    expect(engine.asked).toEqual([{ text: '网站公开了多少条?', session: 'wechat:room:room-1@chatroom:contact-zhang' }]);
    expect(sent[0]?.text.startsWith('@张三')).toBe(true);
  });

  it('in a room, trusts the @name in the text when the puppet leaves the mention list empty', async () => {
    const engine = stub();
    const f = (fixture = await startFixture({ engine }));
    f.li.say(`@${BOT_NAME} 开了多少次新闻发布会?`).to(f.room);

    expect(await f.waitForSent(1)).toEqual([{ to: f.room.id, text: `@李四 ${PRESS_REPLY}` }]);
    expect(engine.asked).toEqual([{ text: '开了多少次新闻发布会?', session: 'wechat:room:room-1@chatroom:contact-li' }]);
  });

  it('asks the numbered suggestion when the reply is just its number, in the same session', async () => {
    const engine = stub();
    const f = (fixture = await startFixture({ engine }));
    f.zhang.say('网站公开了多少条?').to(f.botUser);
    await f.waitForSent(1);
    f.zhang.say('２').to(f.botUser);
    await f.waitForSent(2);
    // Another person's "1" means nothing: they were shown no suggestions.
    f.li.say('1').to(f.botUser);

    const sent = await f.waitForSent(3);
    expect(sent[1]).toEqual({ to: f.zhang.id, text: PRESS_REPLY });
    expect(sent[2]).toEqual({ to: f.li.id, text: '没有找到:1' });
    expect(engine.asked).toEqual([
      { text: '网站公开了多少条?', session: 'wechat:dm:contact-zhang' },
      { text: '开了多少次新闻发布会?', session: 'wechat:dm:contact-zhang' },
      { text: '1', session: 'wechat:dm:contact-li' },
    ]);
  });

  it('renders unknown answers with their suggestions numbered once, not twice', async () => {
    const engine = createStubEngine({
      '天气如何?': makeAnswer({ outcome: 'unknown', message: '抱歉，没有找到。可以试试这些问题：\n• 网站公开了多少条?\n• 开了多少次新闻发布会?', suggestions: ['网站公开了多少条?', '开了多少次新闻发布会?'] }),
      '开了多少次新闻发布会?': PRESS,
    });
    const f = (fixture = await startFixture({ engine }));
    f.zhang.say('天气如何?').to(f.botUser);
    await f.waitForSent(1);
    f.zhang.say('2').to(f.botUser);

    expect(await f.waitForSent(2)).toEqual([
      { to: f.zhang.id, text: '抱歉，没有找到。可以试试这些问题：\n1. 网站公开了多少条?\n2. 开了多少次新闻发布会?\n（回复序号即可提问）' },
      { to: f.zhang.id, text: PRESS_REPLY },
    ]);
  });

  it('answers a picture in a private chat with a hint to type, and ignores one in a room', async () => {
    const engine = stub();
    const f = (fixture = await startFixture({ engine }));
    f.deliver({ talkerId: f.zhang.id, roomId: f.room.id, type: types.Message.Image });
    f.deliver({ talkerId: f.zhang.id, type: types.Message.Image });

    const sent = await f.waitForSent(1);
    await settle();
    expect(f.sent).toEqual([{ to: f.zhang.id, text: NOTICES.nonText }]);
    expect(sent[0]?.text).toContain('请用文字提问');
    expect(engine.asked).toEqual([]);
  });

  it('ignores messages sent before the start, and official accounts', async () => {
    const engine = stub();
    const startedAt = Date.now();
    const f = (fixture = await startFixture({ engine, startedAt }));
    const official = f.mocker.createContact({ id: 'official-news', name: '通辽发布', type: types.Contact.Official });
    f.deliver({ talkerId: f.zhang.id, text: '开了多少次新闻发布会?', timestamp: startedAt - 10 * 60_000 });
    official.say('开了多少次新闻发布会?').to(f.botUser);
    f.zhang.say('网站公开了多少条?').to(f.botUser);

    await f.waitForSent(1);
    await settle();
    expect(f.sent).toEqual([{ to: f.zhang.id, text: SITE_REPLY }]);
    expect(engine.asked.map((a) => a.text)).toEqual(['网站公开了多少条?']);
    expect(f.logs).toContainEqual(expect.objectContaining({ event: 'wechat.ignored', reason: 'stale' }));
    expect(f.logs).toContainEqual(expect.objectContaining({ event: 'wechat.ignored', reason: 'not-individual' }));
  });

  it('answers a burst over the flood limit with exactly one notice, then serves again after the window', async () => {
    const engine = stub();
    const f = (fixture = await startFixture({ engine, env: { WECHAT_FLOOD_PER_MINUTE: '3' } }));
    for (let i = 0; i < 6; i++) f.zhang.say('开了多少次新闻发布会?').to(f.botUser);

    await f.waitForSent(4);
    await settle();
    expect(f.sent.map((s) => s.text)).toEqual([PRESS_REPLY, PRESS_REPLY, PRESS_REPLY, NOTICES.flood]);

    f.advance(61_000);
    f.zhang.say('网站公开了多少条?').to(f.botUser);
    const sent = await f.waitForSent(5);
    expect(sent[4]).toEqual({ to: f.zhang.id, text: SITE_REPLY });
    expect(sent.filter((s) => s.text === NOTICES.flood)).toHaveLength(1);
    expect(engine.asked).toHaveLength(4);
  });

  it('paces a long reply: split at sentence ends, each part at most 2000 characters, a second apart', async () => {
    const sentence = '通辽市坚持以公开为常态、不公开为例外的原则,推进政府信息公开工作。';
    const long = sentence.repeat(120);
    const engine = createStubEngine({ '长': makeAnswer({ message: long }) });
    const f = (fixture = await startFixture({ engine }));
    f.zhang.say('长').to(f.botUser);

    const parts = Math.ceil(long.length / 2000);
    const sent = await f.waitForSent(parts);
    expect(sent.every((s) => s.text.length <= 2000 && s.text.endsWith('。'))).toBe(true);
    expect(sent.map((s) => s.text).join('')).toBe(long);
    expect(f.sleeps).toHaveLength(parts - 1);
    expect(f.sleeps.every((ms) => ms > 0 && ms <= 1000)).toBe(true);
  });

  it('logs a failing handler and keeps serving', async () => {
    const engine = stub();
    const f = (fixture = await startFixture({ engine }));
    f.zhang.say('BOOM').to(f.botUser);
    f.zhang.say('网站公开了多少条?').to(f.botUser);

    expect(await f.waitForSent(1)).toEqual([{ to: f.zhang.id, text: SITE_REPLY }]);
    expect(f.logs).toContainEqual(expect.objectContaining({ event: 'wechat.handler_failed', level: 'error', error: expect.objectContaining({ message: 'engine exploded' }) }));
  });
});
