import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { createHttpApp } from '../../adapters/http/index.js';
import { AskReply } from '../../adapters/http/schemas.js';
import { createEngine } from '../../src/engine/index.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { createServiceStatus } from '../../adapters/shared/service-status.js';
import type { Answer } from '../../src/types.js';
import { ask, engine, makeApp, postAsk, testConfig } from './helpers.js';

const app = makeApp();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ANSWER_FIELDS = ['outcome', 'text', 'message', 'lang', 'intent', 'confidence', 'citations', 'suggestions', 'report', 'sessionId'];

describe('POST /api/ask', () => {
  it('answers with the engine Answer fields, a citation and a new sessionId', async () => {
    const reply = await ask(app, '网站公开了多少条?');
    expect(Object.keys(reply).sort()).toEqual([...ANSWER_FIELDS].sort());
    expect(reply.outcome).toBe('answered');
    expect(reply.lang).toBe('zh-Hans');
    expect(reply.text).toContain('13126');
    expect(reply.sessionId).toMatch(UUID);
    expect(reply.citations.length).toBeGreaterThan(0);
    const proactive = engine().knowledge.sections.find((s) => s.id === reply.citations[0]?.sectionId);
    expect(proactive, 'the citation names a real section').toBeDefined();
  });

  it('documents exactly the engine Answer: the OpenAPI schema keeps every field of a real reply', async () => {
    expectTypeOf<Required<Omit<z.infer<typeof AskReply>, 'sessionId' | 'questionId' | 'report'>>>().toEqualTypeOf<Answer>();
    for (const question of ['网站公开了多少条?', '多少人次?', '2014年公开了多少条?']) {
      const reply = await ask(app, question);
      expect(AskReply.parse(reply), question).toEqual(reply);
    }
  });

  it('returns the same answer as engine.ask (the adapter only translates)', async () => {
    const reply = await ask(app, 'How many approval cases were handled?');
    const { explain, ...direct } = engine().ask({ text: 'How many approval cases were handled?' });
    const { sessionId, ...answer } = reply;
    expect(sessionId).toMatch(UUID);
    expect(answer).toEqual(direct);
    expect(explain.rule).toBe(reply.intent);
  });

  it('resolves a follow-up with the returned sessionId, and keeps conversations apart', async () => {
    const first = await ask(app, '网站公开了多少条?');
    const followUp = await ask(app, '那其他形式呢?', first.sessionId);
    expect(followUp.sessionId).toBe(first.sessionId);
    expect(followUp.outcome).toBe('answered');
    expect(followUp.text).toContain('672');

    const other = await ask(app, '开了多少次新闻发布会?');
    expect(other.sessionId).not.toBe(first.sessionId);
  });

  it('keeps a sessionId the client chose', async () => {
    const reply = await ask(app, '网站公开了多少条?', 'my-own-session-1');
    expect(reply.sessionId).toBe('my-own-session-1');
  });

  it('asks which one is meant when a question has close readings, and a tapped option is answered', async () => {
    const reply = await ask(app, '多少人次?');
    expect(reply.outcome).toBe('clarify');
    expect(reply.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(reply.citations).toEqual([]);
    const option = reply.suggestions[0] ?? '';
    const tapped = await ask(app, option, reply.sessionId);
    expect(tapped.outcome).toBe('answered');
    expect(tapped.citations.length).toBeGreaterThan(0);
  });

  it('says a question about another year is out of scope, never passing off a 2011 figure', async () => {
    const reply = await ask(app, '2014年公开了多少条?');
    expect(reply.outcome).toBe('out_of_scope');
    expect(reply.text).toContain('2014');
    expect(reply.text).toContain('2011');
    expect(reply.text).not.toContain('13798');
    expect(reply.suggestions.length).toBeGreaterThan(0);
  });

  it('answers a traditional question in traditional script', async () => {
    const reply = await ask(app, '開了多少次新聞發布會?');
    expect(reply.lang).toBe('zh-Hant');
    expect(reply.text).toContain('24');
  });

  it('trims the question before asking', async () => {
    const padded = await ask(app, '   网站公开了多少条?  \n');
    expect(padded.text).toContain('13126');
  });

  it('accepts JSON with a charset parameter', async () => {
    const res = await postAsk(app, { question: '网站公开了多少条?' }, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    expect(res.status).toBe(200);
  });
});

describe('explain (the rule and its scores)', () => {
  const question = '网站公开了多少条?';
  const explainOf = async (env: Record<string, string>, body: object) => {
    const res = await postAsk(makeApp({ env }), { question, ...body });
    expect(res.status).toBe(200);
    return ((await res.json()) as { explain?: unknown }).explain;
  };

  it('is sent only when the client asks for it and HTTP_EXPLAIN allows it', async () => {
    expect(await explainOf({ HTTP_EXPLAIN: 'true' }, { explain: true })).toEqual(engine().ask({ text: question }).explain);
    expect(await explainOf({ HTTP_EXPLAIN: 'true' }, {})).toBeUndefined();
    expect(await explainOf({ HTTP_EXPLAIN: 'true' }, { explain: false })).toBeUndefined();
    expect(await explainOf({}, { explain: true })).toBeUndefined();
    expect(await explainOf({ HTTP_EXPLAIN: 'false' }, { explain: true })).toBeUndefined();
  });

  it('refuses an explain that is not true or false', async () => {
    const res = await postAsk(app, { question, explain: 'yes' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('explain must be true or false');
  });
});

describe('GET /api/sections, /api/facts, /api/meta', () => {
  it('lists every section with its verbatim text', async () => {
    const res = await app.request('/api/sections');
    expect(res.status).toBe(200);
    const { sections } = (await res.json()) as { sections: { id: string; title: string; text: string }[] };
    expect(sections.map((s) => s.id)).toEqual(engine().knowledge.sections.map((s) => s.id));
    for (const s of sections) expect(s.text).toBe(engine().knowledge.sections.find((k) => k.id === s.id)?.text);
  });

  it('returns one section by id, and 404 JSON for an unknown id', async () => {
    const res = await app.request('/api/sections/proactive');
    expect(res.status).toBe(200);
    const section = (await res.json()) as { id: string; title: string; text: string };
    expect(section.id).toBe('proactive');
    expect(section.text.length).toBeGreaterThan(0);

    const missing = await app.request('/api/sections/no-such-part');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });

  it('lists every fact with a citation whose quote (excerpts joined by …) stands verbatim in its section', async () => {
    const res = await app.request('/api/facts');
    expect(res.status).toBe(200);
    const { facts } = (await res.json()) as { facts: { id: string; value: number; citation: { sectionId: string; section: string; quote: string } }[] };
    expect(facts.length).toBe(engine().knowledge.facts.length);
    const sections = new Map(engine().knowledge.sections.map((s) => [s.id, s]));
    for (const fact of facts) {
      const section = sections.get(fact.citation.sectionId);
      expect(section?.title, fact.id).toBe(fact.citation.section);
      for (const piece of fact.citation.quote.split('…')) expect(section?.text, fact.id).toContain(piece);
    }
  });

  it('gives three example questions per script, and each is answered', async () => {
    const res = await app.request('/api/meta');
    expect(res.status).toBe(200);
    const meta = (await res.json()) as { examples: Record<'zh-Hans' | 'zh-Hant' | 'en', string[]> };
    for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      expect(meta.examples[lang]).toHaveLength(3);
      for (const question of meta.examples[lang]) {
        const reply = await ask(app, question);
        expect(reply.outcome, `${lang}: ${question}`).toBe('answered');
        expect(reply.lang, question).toBe(lang);
      }
    }
  });
});

describe('GET /api/meta: the city for the page\'s compact "city · year" line', () => {
  it('names the city in each script, the traditional spelling from the engine\'s own title', async () => {
    const meta = (await (await app.request('/api/meta')).json()) as { year: number; city: Record<string, string> };
    expect(meta).toMatchObject({ year: 2011, city: { 'zh-Hans': '通辽市', 'zh-Hant': '通遼市', en: 'Tongliao' } });
    const mini = makeApp({ engine: createEngine(loadKnowledge(fileURLToPath(new URL('../fixtures/mini-report/', import.meta.url)))) });
    const other = (await (await mini.request('/api/meta')).json()) as { year: number; city: Record<string, string> };
    expect(other).toMatchObject({ year: 2020, city: { 'zh-Hans': '样例县', 'zh-Hant': '樣例縣', en: 'Sample County' } });
  });
});

describe('health, readiness and the API description', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await app.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', knowledge: engine().knowledge.meta.id });
  });

  it('reports not ready when the engine cannot complete a turn', async () => {
    const broken = { ...engine(), respond: () => { throw new Error('broken'); } };
    const res = await makeApp({ engine: broken }).request('/readyz');
    expect(res.status).toBe(503);
  });

  it('lists each configured channel on /readyz and turns 503 when one has stopped or a shutdown began; /healthz stays 200', async () => {
    const status = createServiceStatus();
    const withChannels = createHttpApp({ engine: engine(), config: testConfig(), logger: silentLogger, status });
    const readyz = async () => {
      const res = await withChannels.request('/readyz');
      return { status: res.status, body: (await res.json()) as { status: string; channels: unknown; shuttingDown: boolean } };
    };
    expect(await readyz()).toMatchObject({ status: 200, body: { status: 'ready', channels: {}, shuttingDown: false } });

    status.report('telegram', 'running');
    status.report('wechat', 'starting', 'waiting_for_login');
    expect(await readyz()).toMatchObject({ status: 200, body: { channels: { telegram: { state: 'running' }, wechat: { state: 'starting', reason: 'waiting_for_login' } } } });

    status.report('telegram', 'stopped', 'stopped_serving');
    expect(await readyz()).toMatchObject({ status: 503, body: { status: 'not_ready', channels: { telegram: { state: 'stopped', reason: 'stopped_serving' } } } });
    expect((await withChannels.request('/healthz')).status).toBe(200);

    status.report('telegram', 'running');
    expect((await readyz()).status).toBe(200);
    status.beginShutdown();
    expect(await readyz()).toMatchObject({ status: 503, body: { status: 'not_ready', shuttingDown: true } });
    expect((await withChannels.request('/healthz')).status).toBe(200);
  });

  it('publishes an OpenAPI document generated from the validators', async () => {
    const res = await app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/ask', '/api/sections', '/api/sections/{id}', '/api/facts', '/api/meta', '/healthz', '/readyz']));
    expect(doc.paths['/api/ask']).toHaveProperty('post');
    expect(doc.components.schemas).toHaveProperty('AskBody');
    expect(doc.components.schemas).toHaveProperty('AskReply');
  });
});
