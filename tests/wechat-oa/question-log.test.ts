import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../adapters/shared/logger.js';
import { createConversation, mountCallback } from '../../adapters/wechat-oa/index.js';
import type { Answer } from '../../src/types.js';
import { testEngine } from '../support/engine.js';
import { newOpenId } from './fixture.js';
import { StandInWechat, TEST_APP_ID, TEST_TOKEN } from './stand-in-wechat.js';

describe('the Official Account path and the question log', () => {
  it('hands every answered question to the log', async () => {
    const logged: { session: string; question: string; answer: Answer }[] = [];
    const app = new Hono();
    const respond = createConversation({
      engine: testEngine(),
      channel: 'wechat-oa',
      welcome: { title: '报告', examples: ['问题一?', '问题二?', '问题三?'] },
      maxSessions: 100,
      onAnswer: (session, question, answer) => logged.push({ session, question, answer }),
    });
    mountCallback(app, { channel: 'wechat-oa', path: '/wechat/oa', token: TEST_TOKEN, plainSignature: true, respond, logger: silentLogger });
    const oa = new StandInWechat({ platform: 'oa', mode: 'plaintext', token: TEST_TOKEN, path: '/wechat/oa', receiverId: TEST_APP_ID, send: (url, init) => app.request(url, init) });
    const user = newOpenId();
    await oa.text(user, '开了多少场新闻发布会?');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.question).toBe('开了多少场新闻发布会?');
    expect(logged[0]?.answer.text).toContain('24');
    expect(logged[0]?.session).toContain('wechat-oa:');
  });
});
