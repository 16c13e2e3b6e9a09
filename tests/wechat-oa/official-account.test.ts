import { describe, expect, it } from 'vitest';
import { engine } from '../http/helpers.js';
import { capturedLogger, callbackFixture, newOpenId } from './fixture.js';
import { TEST_CORP_ID, toXml } from './stand-in-wechat.js';

const NO_STACK = /\n\s+at |Error:/;

describe('Official Account URL check (GET)', () => {
  const { oa } = callbackFixture('safe');

  it('echoes echostr when the signature matches', async () => {
    const res = await oa.verify('7162849365023421');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('7162849365023421');
  });

  it('answers 403 and does not echo when the signature was made without the token', async () => {
    const res = await oa.verify('7162849365023421', { forgeSignature: true });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('7162849365023421');
  });

  it('answers 400 to a check signed ten minutes ago', async () => {
    const res = await oa.verify('7162849365023421', { timestamp: oa.now() - 600 });
    expect(res.status).toBe(400);
  });
});

describe('Official Account messages in safe mode', () => {
  const { oa } = callbackFixture('safe');

  it('answers a text with the cited answer, encrypted, addressed back to the sender', async () => {
    const user = newOpenId();
    const reply = await oa.text(user, '网站公开了多少条?');
    expect(reply.status).toBe(200);
    expect(reply.sealed).toBe(true);
    expect(reply.body).not.toContain('13126');
    expect(reply.fields).toMatchObject({ ToUserName: user, FromUserName: oa.account, MsgType: 'text' });
    expect(Number(reply.fields?.CreateTime)).toBeGreaterThan(oa.now() - 5);
    expect(reply.content).toContain('13126');
    expect(reply.content).toContain('【来源】主动公开政府信息情况：「');
  });

  it('lets a number reply after a clarifying question pick the option it names', async () => {
    const user = newOpenId();
    const asked = await oa.text(user, '比例是多少');
    const options = engine().ask({ text: '比例是多少' }).suggestions;
    expect(options.length).toBeGreaterThan(1);
    expect(asked.content).toContain(`2. ${options[1]}`);
    const picked = await oa.text(user, '2');
    const expected = engine().ask({ text: options[1] ?? '' });
    expect(picked.content).toContain(expected.message.split('\n')[0]);
    expect(picked.content).toContain(expected.citations[0]?.quote);
  });

  it('takes a voice message\'s Recognition as the question', async () => {
    const reply = await oa.voice(newOpenId(), '开了多少次新闻发布会?');
    expect(reply.content).toContain('24');
    expect(reply.content).toContain('新闻发布会24次');
  });

  it('asks for text when a voice message came without recognised words', async () => {
    const reply = await oa.voice(newOpenId(), '');
    expect(reply.content).toContain('请用文字提问');
  });

  it('welcomes a new follower with example questions that a number then asks', async () => {
    const user = newOpenId();
    const welcome = await oa.event(user, 'subscribe');
    const examples = engine().knowledge.meta.examples.zh;
    expect(welcome.content).toContain(engine().knowledge.meta.title.zh);
    expect(welcome.content).toContain(`2. ${examples[1]}`);
    const second = await oa.text(user, '2');
    expect(second.content).toContain('新闻发布会24次');
  });

  it('replies success to other events (unsubscribe, menu clicks)', async () => {
    expect((await oa.event(newOpenId(), 'unsubscribe')).success).toBe(true);
    expect((await oa.event(newOpenId(), 'CLICK')).success).toBe(true);
  });

  it('hints that only text is read when an image or a location arrives', async () => {
    const image = await oa.image(newOpenId());
    expect(image.content).toContain('我只能读文字消息');
    const location = await oa.post({ FromUserName: newOpenId(), CreateTime: oa.now(), MsgType: 'location', Location_X: 43.6, Location_Y: 122.2, Scale: 20, Label: '通辽', MsgId: oa.nextMsgId() });
    expect(location.content).toContain('I can only read text');
  });
});

describe('Official Account retries and refusals', () => {
  it('answers a retried MsgId with the same reply without asking again', async () => {
    const { logger, lines } = capturedLogger();
    const { oa } = callbackFixture('safe', { logger });
    const user = newOpenId();
    await oa.text(user, '比例是多少');
    const msgId = oa.nextMsgId();
    const first = await oa.text(user, '1', msgId);
    const retry = await oa.text(user, '1', msgId);
    const again = await oa.text(user, '1', msgId);
    expect(retry.content).toBe(first.content);
    expect(again.content).toBe(first.content);
    expect(lines.filter((l) => l.includes('"wechat-oa.replied"'))).toHaveLength(2);
    expect(lines.filter((l) => l.includes('"wechat-oa.duplicate"'))).toHaveLength(2);
  });

  it('answers the same words under a new MsgId afresh', async () => {
    const { logger, lines } = capturedLogger();
    const { oa } = callbackFixture('safe', { logger });
    const user = newOpenId();
    await oa.text(user, '网站公开了多少条?');
    await oa.text(user, '网站公开了多少条?');
    expect(lines.filter((l) => l.includes('"wechat-oa.replied"'))).toHaveLength(2);
  });

  const { oa } = callbackFixture('safe');

  it('refuses a message signed ten minutes ago (a replay) with 400', async () => {
    const reply = await oa.post({ FromUserName: newOpenId(), CreateTime: oa.now() - 600, MsgType: 'text', Content: '网站公开了多少条?', MsgId: oa.nextMsgId() }, { timestamp: oa.now() - 600 });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/timestamp/);
  });

  it('refuses a message signed without the token with 403', async () => {
    const reply = await oa.post({ FromUserName: newOpenId(), CreateTime: oa.now(), MsgType: 'text', Content: 'hi', MsgId: oa.nextMsgId() }, { forgeSignature: true });
    expect(reply.status).toBe(403);
  });

  it('refuses malformed XML with 400 and no stack trace', async () => {
    const message = toXml({ ToUserName: oa.account, FromUserName: newOpenId(), CreateTime: oa.now(), MsgType: 'text', Content: 'x', MsgId: oa.nextMsgId() });
    const withEntities = `<!DOCTYPE xml [<!ENTITY a "aaaaaaaa">]>${message.replace('<![CDATA[x]]>', '&a;&a;')}`;
    for (const rawBody of ['<xml><ToUserName>gh', 'not xml at all', '', withEntities, '<other/>', message.replace('</xml>', '')]) {
      const reply = await oa.post({}, { rawBody });
      expect(reply.status, rawBody).toBe(400);
      expect(reply.body).not.toMatch(NO_STACK);
    }
  });

  it('refuses a well-formed document that is not a message, and a sealed text that is not XML', async () => {
    expect((await oa.post({ FromUserName: newOpenId(), MsgType: 'text' })).status).toBe(400);
    expect((await oa.post({}, { rawInner: 'plain words, not a document' })).status).toBe(400);
  });

  it('refuses a message sealed for another AppID with 400', async () => {
    const reply = await oa.post({ FromUserName: newOpenId(), CreateTime: oa.now(), MsgType: 'text', Content: 'hi', MsgId: oa.nextMsgId() }, { sealFor: TEST_CORP_ID });
    expect(reply.status).toBe(400);
  });

  it('refuses a body over 64 KB with 400', async () => {
    const huge = toXml({ ToUserName: oa.account, FromUserName: newOpenId(), CreateTime: oa.now(), MsgType: 'text', Content: '问'.repeat(30_000), MsgId: oa.nextMsgId() });
    const reply = await oa.post({}, { rawBody: huge });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatch(/64 KB/);
  });
});

describe('Official Account plaintext and compatible modes', () => {
  it('answers in plaintext when 消息加解密方式 is 明文模式 and no key is set', async () => {
    const { oa } = callbackFixture('plaintext');
    const reply = await oa.text(newOpenId(), '网站公开了多少条?');
    expect(reply.sealed).toBe(false);
    expect(reply.content).toContain('13126');
  });

  it('reads the encrypted copy in compatible mode and answers encrypted', async () => {
    const { oa } = callbackFixture('compatible');
    const reply = await oa.text(newOpenId(), '网站公开了多少条?');
    expect(reply.sealed).toBe(true);
    expect(reply.content).toContain('13126');
  });

  it('still accepts a plaintext message with a good signature while a key is set (switching modes)', async () => {
    const { oa } = callbackFixture('safe', { platformMode: 'plaintext' });
    const reply = await oa.text(newOpenId(), '网站公开了多少条?');
    expect(reply.sealed).toBe(false);
    expect(reply.content).toContain('13126');
  });

  it('refuses a safe-mode message when no EncodingAESKey is configured, saying so', async () => {
    const { oa } = callbackFixture('plaintext', { platformMode: 'safe' });
    const reply = await oa.text(newOpenId(), '网站公开了多少条?');
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('no EncodingAESKey is configured');
  });

  it('reads the plaintext copy in compatible mode when no key is configured', async () => {
    const { oa } = callbackFixture('plaintext', { platformMode: 'compatible' });
    const reply = await oa.text(newOpenId(), '网站公开了多少条?');
    expect(reply.sealed).toBe(false);
    expect(reply.content).toContain('13126');
  });
});

describe('logs', () => {
  it('never print an OpenID, and tag one person the same way in every line', async () => {
    const { logger, lines } = capturedLogger();
    const { oa } = callbackFixture('safe', { logger });
    const user = newOpenId();
    await oa.text(user, '网站公开了多少条?');
    await oa.text(user, '那其他形式呢?');
    const replied = lines.filter((l) => l.includes('"wechat-oa.replied"')).map((l) => JSON.parse(l) as { user: string });
    expect(replied).toHaveLength(2);
    expect(replied[0]?.user).toMatch(/^[0-9a-f]{12}$/);
    expect(replied[1]?.user).toBe(replied[0]?.user);
    expect(lines.join('\n')).not.toContain(user);
    expect(lines.join('\n')).not.toContain('网站公开了多少条');
  });
});
