import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../adapters/http/index.js';
import { bootLibrary } from '../../adapters/shared/boot-engine.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { testConfig } from './helpers.js';

const ask = (app: ReturnType<typeof createHttpApp>, question: string, extra: object = {}) =>
  app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question, ...extra }) });

describe('POST /api/ask over the answer cache', () => {
  const cached = createHttpApp({ engine: bootLibrary({ answerCacheSize: 100 }).library, config: testConfig({ HTTP_EXPLAIN: 'true' }), logger: silentLogger });
  const engine = bootLibrary().library;

  it("sends a remembered answer byte for byte as the answer's own fields, then report, then the ids", async () => {
    for (const question of ['网站公开了多少条?', '依申请公开收到多少件申请', 'How many press conferences were held?', '2013年呢']) {
      // What the route sent before it kept serialized answers: the answer without explain, then report, then the ids.
      const { explain: _explain, ...answer } = engine.ask({ text: question });
      const fresh = JSON.stringify({ ...answer, report: answer.report, sessionId: 'session-a' });
      await ask(cached, question, { sessionId: 'session-x' });
      const hit = await ask(cached, question, { sessionId: 'session-a' });
      expect(hit.headers.get('content-type')).toBe('application/json');
      expect(await hit.text()).toBe(fresh);
      const parsed = JSON.parse(fresh) as Record<string, unknown>;
      expect(Object.keys(parsed).slice(-2)).toEqual(['report', 'sessionId']);
      expect(parsed).not.toHaveProperty('explain');
    }
  });

  it('still adds explain, after a hit, when the client asks for it and config allows', async () => {
    await ask(cached, '有没有收费', { sessionId: 'session-y' });
    const body = (await (await ask(cached, '有没有收费', { sessionId: 'session-z', explain: true })).json()) as Record<string, unknown>;
    expect(body).toHaveProperty('explain');
    expect(body.sessionId).toBe('session-z');
  });
});
