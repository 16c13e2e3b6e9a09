import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../adapters/http/index.js';
import { engine, fakeClock, fromIp, makeApp, postAsk, recordingLogger } from './helpers.js';

type ErrorReply = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };
const app = makeApp();

async function expectError(res: Response, status: number, code: string): Promise<ErrorReply> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as ErrorReply;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  return body;
}

describe('400: what is wrong with the request', () => {
  it('rejects malformed JSON', async () => {
    const body = await expectError(await postAsk(app, '{"question": "网站公开了'), 400, 'BAD_JSON');
    expect(body.error.message).toMatch(/not valid JSON/);
  });

  it('rejects a body without a question, naming the field', async () => {
    const body = await expectError(await postAsk(app, {}), 400, 'INVALID_REQUEST');
    expect(body.error.issues).toEqual([{ path: 'question', message: 'question is required' }]);
  });

  it.each([
    ['an empty question', { question: '   ' }, 'question'],
    ['a question that is not text', { question: 42 }, 'question'],
    ['a question over 2000 characters', { question: '问'.repeat(2001) }, 'question'],
    ['a malformed sessionId', { question: '网站公开了多少条?', sessionId: 'x y' }, 'sessionId'],
    ['a body that is not an object', ['网站公开了多少条?'], '(body)'],
  ])('rejects %s', async (_name, payload, path) => {
    const body = await expectError(await postAsk(app, payload), 400, 'INVALID_REQUEST');
    expect(body.error.issues?.map((i) => i.path)).toContain(path);
  });

  it('answers 415 for a body that is not JSON', async () => {
    await expectError(await postAsk(app, 'question=hi', { headers: { 'Content-Type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('413: bodies over 16 KB', () => {
  const big = JSON.stringify({ question: 'a'.repeat(MAX_BODY_BYTES) });

  it('refuses a body whose Content-Length is over the limit', async () => {
    const res = await postAsk(app, big, { headers: { 'Content-Length': String(Buffer.byteLength(big)) } });
    await expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a streamed body that grows over the limit', async () => {
    const stream = new Blob([big]).stream();
    const res = await app.request('/api/ask', { method: 'POST', body: stream, headers: { 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit);
    await expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('lets a body just under the limit through to validation', async () => {
    const res = await postAsk(app, { question: '网站公开了多少条?', pad: 'a'.repeat(MAX_BODY_BYTES - 100) });
    expect(res.status).toBe(200);
  });
});

describe('404: unknown routes', () => {
  it.each(['/nope', '/api/unknown', '/api/ask/extra', '/../package.json', '/adapters/http/index.ts'])('answers JSON 404 for %s', async (path) => {
    await expectError(await app.request(path), 404, 'NOT_FOUND');
  });

});

describe('405: a known path with the wrong method', () => {
  it.each([
    ['GET', '/api/ask', 'OPTIONS, POST'],
    ['PUT', '/api/ask', 'OPTIONS, POST'],
    ['POST', '/api/facts', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/sections/proactive', 'GET, HEAD, OPTIONS'],
    ['POST', '/healthz', 'GET, HEAD, OPTIONS'],
    ['POST', '/', 'GET, HEAD, OPTIONS'],
  ])('%s %s answers 405 with Allow: %s', async (method, path, allow) => {
    const res = await app.request(path, { method });
    await expectError(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.get('Allow')).toBe(allow);
  });

  it('answers OPTIONS on a known path with 204 and Allow, and on an unknown one with 404', async () => {
    const res = await app.request('/api/ask', { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('Allow')).toBe('OPTIONS, POST');
    await expectError(await app.request('/nope', { method: 'OPTIONS' }), 404, 'NOT_FOUND');
  });

  it('counts a route another adapter added after the app was built', async () => {
    const extended = makeApp();
    extended.post('/telegram/hook', (c) => c.json({ ok: true }));
    const res = await extended.request('/telegram/hook');
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('OPTIONS, POST');
  });

  it('spends no rate-limit quota on OPTIONS, preflights or wrong methods', async () => {
    const env = { HTTP_RATE_LIMIT_PER_MINUTE: '1', CORS_ORIGINS: 'https://www.tongliao.gov.cn' };
    const limited = makeApp({ env, clock: fakeClock().now });
    const client = fromIp('198.51.100.20');
    const preflight = { Origin: 'https://www.tongliao.gov.cn', 'Access-Control-Request-Method': 'POST' };
    for (let i = 0; i < 3; i++) {
      expect((await limited.request('/api/ask', { method: 'GET' }, client)).status).toBe(405);
      expect((await limited.request('/api/ask', { method: 'PUT', body: '{}' }, client)).status).toBe(405);
      expect((await limited.request('/api/ask', { method: 'OPTIONS', headers: preflight }, client)).status).toBe(204);
    }
    expect((await postAsk(limited, { question: '网站公开了多少条?' }, { env: client })).status).toBe(200);
    expect((await postAsk(limited, { question: '网站公开了多少条?' }, { env: client })).status).toBe(429);
    const plain = makeApp({ env: { HTTP_RATE_LIMIT_PER_MINUTE: '1' }, clock: fakeClock().now });
    for (let i = 0; i < 3; i++) expect((await plain.request('/api/ask', { method: 'OPTIONS' }, client)).status).toBe(204);
    expect((await postAsk(plain, { question: '网站公开了多少条?' }, { env: client })).status).toBe(200);
  });
});

describe('429: the per-client rate limit', () => {
  it('allows the configured number of questions a minute, then answers 429 with Retry-After', async () => {
    const clock = fakeClock(Date.UTC(2026, 0, 1, 12, 0, 15));
    const limited = makeApp({ env: { HTTP_RATE_LIMIT_PER_MINUTE: '3' }, clock: clock.now });
    const client = fromIp('203.0.113.7');
    for (let i = 0; i < 3; i++) expect((await postAsk(limited, { question: '网站公开了多少条?' }, { env: client })).status).toBe(200);

    const refused = await postAsk(limited, { question: '网站公开了多少条?' }, { env: client });
    await expectError(refused, 429, 'RATE_LIMITED');
    expect(refused.headers.get('Retry-After')).toBe('45');

    clock.advance(44_000);
    const later = await postAsk(limited, { question: '网站公开了多少条?' }, { env: client });
    expect(later.status).toBe(429);
    expect(later.headers.get('Retry-After')).toBe('1');

    clock.advance(1_000);
    expect((await postAsk(limited, { question: '网站公开了多少条?' }, { env: client })).status).toBe(200);
  });

  it('counts each client apart', async () => {
    const clock = fakeClock();
    const limited = makeApp({ env: { HTTP_RATE_LIMIT_PER_MINUTE: '1' }, clock: clock.now });
    expect((await postAsk(limited, { question: '网站公开了多少条?' }, { env: fromIp('198.51.100.1') })).status).toBe(200);
    expect((await postAsk(limited, { question: '网站公开了多少条?' }, { env: fromIp('198.51.100.1') })).status).toBe(429);
    expect((await postAsk(limited, { question: '网站公开了多少条?' }, { env: fromIp('198.51.100.2') })).status).toBe(200);
  });

  it('does not trust X-Forwarded-For, which any client can write', async () => {
    const limited = makeApp({ env: { HTTP_RATE_LIMIT_PER_MINUTE: '1' }, clock: fakeClock().now });
    const client = fromIp('198.51.100.9');
    await postAsk(limited, { question: '网站公开了多少条?' }, { env: client });
    const spoofed = await postAsk(limited, { question: '网站公开了多少条?' }, { env: client, headers: { 'X-Forwarded-For': '10.9.9.9' } });
    expect(spoofed.status).toBe(429);
  });

  it('limits only questions, not the page or the read-only API', async () => {
    const limited = makeApp({ env: { HTTP_RATE_LIMIT_PER_MINUTE: '1' }, clock: fakeClock().now });
    for (let i = 0; i < 3; i++) {
      expect((await limited.request('/api/sections')).status).toBe(200);
      expect((await limited.request('/')).status).toBe(200);
    }
  });
});

describe('500: failures never leak internals', () => {
  it('answers a generic JSON 500 without stack or message, and logs the error on our side', async () => {
    const { logger, lines } = recordingLogger();
    const failing = { ...engine(), ask: () => { throw new Error('secret detail at /srv/app/engine.ts:42'); } };
    const res = await postAsk(makeApp({ engine: failing, logger }), { question: '网站公开了多少条?' });
    const text = await res.clone().text();
    await expectError(res, 500, 'INTERNAL');
    expect(text).not.toContain('secret');
    expect(text).not.toMatch(/\bat\s.+:\d+/);
    const logged = lines.find((l) => l.event === 'http.error');
    expect(logged?.level).toBe('error');
    expect(String((logged?.fields.error as Error).message)).toContain('secret detail');
  });
});
