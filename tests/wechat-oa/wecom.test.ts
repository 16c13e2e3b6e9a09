import { describe, expect, it } from 'vitest';
import { callbackFixture, newOpenId } from './fixture.js';
import { TEST_APP_ID, toXml } from './stand-in-wechat.js';

describe('WeCom application callback', () => {
  const { wecom, oa } = callbackFixture('safe');

  it('passes the URL check by decrypting echostr and returning its plaintext', async () => {
    const res = await wecom.verify('1616140317555161061');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1616140317555161061');
  });

  it('refuses a URL check with a forged msg_signature with 403', async () => {
    const res = await wecom.verify('1616140317555161061', { forgeSignature: true });
    expect(res.status).toBe(403);
  });

  it('answers a member\'s text, encrypted and signed, from the corp to the member', async () => {
    const reply = await wecom.text('ZhangSan', '開了多少次新聞發布會?');
    expect(reply.sealed).toBe(true);
    expect(reply.fields).toMatchObject({ ToUserName: 'ZhangSan', FromUserName: wecom.account, MsgType: 'text' });
    expect(reply.content).toContain('新聞發布會24次');
    expect(reply.content).toContain('【來源】');
  });

  it('keeps its conversations apart from the Official Account\'s, even for the same id', async () => {
    const id = newOpenId();
    await oa.text(id, '比例是多少');
    const onOa = await oa.text(id, '2');
    expect(onOa.content).toContain('办结率');
    await oa.text(id, '比例是多少');
    const onWecom = await wecom.text(id, '2');
    expect(onOa.content).toContain('98.97');
    expect(onWecom.content).not.toContain('98.97'); // a fresh WeCom conversation has no options to pick from
  });

  it('refuses a plaintext post (WeCom always encrypts) and a message sealed for another CorpID with 400', async () => {
    const plain = toXml({ ToUserName: wecom.account, FromUserName: 'ZhangSan', CreateTime: wecom.now(), MsgType: 'text', Content: 'hi', MsgId: wecom.nextMsgId(), AgentID: '1000002' });
    expect((await wecom.post({}, { rawBody: plain })).status).toBe(400);
    const foreign = await wecom.post({ FromUserName: 'ZhangSan', CreateTime: wecom.now(), MsgType: 'text', Content: 'hi', MsgId: wecom.nextMsgId() }, { sealFor: TEST_APP_ID });
    expect(foreign.status).toBe(400);
  });

  it('refuses a forged msg_signature on a message with 403', async () => {
    const reply = await wecom.post({ FromUserName: 'ZhangSan', CreateTime: wecom.now(), MsgType: 'text', Content: 'hi', MsgId: wecom.nextMsgId() }, { forgeSignature: true });
    expect(reply.status).toBe(403);
  });
});
