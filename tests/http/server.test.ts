import { describe, expect, it } from 'vitest';
import { createHttpApp, startHttpServer } from '../../adapters/http/index.js';
import { silentLogger } from '../../adapters/shared/logger.js';
import { AdapterError } from '../../src/errors.js';
import { engine, recordingLogger, testConfig } from './helpers.js';

const config = testConfig({ HOST: '127.0.0.1', PORT: '0' });

describe('startHttpServer', () => {
  it('listens on HOST and a free port, logs the URL, serves, and closes', async () => {
    const { logger, lines } = recordingLogger();
    const server = await startHttpServer({ engine: engine(), config, logger });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.url).not.toMatch(/:0$/);
      expect(lines.find((l) => l.event === 'http.listening')?.fields).toEqual({ url: server.url });

      const res = await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ question: '网站公开了多少条?' }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { text: string }).text).toContain('13126');
    } finally {
      await server.close();
    }
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('sends over the socket the same security headers as in-process, on the page, the embed script, the API and errors', async () => {
    const app = createHttpApp({ engine: engine(), config, logger: silentLogger });
    const server = await startHttpServer({ engine: engine(), config, logger: silentLogger, app });
    const transport = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
    const security = (headers: Headers) => {
      const kept: [string, string][] = [];
      headers.forEach((value, name) => {
        if (!transport.has(name)) kept.push([name, value]);
      });
      return kept.sort(([a], [b]) => a.localeCompare(b));
    };
    try {
      const requests: [string, RequestInit][] = [
        ['/', {}],
        ['/embed.js', {}],
        ['/api/meta', {}],
        ['/nope', {}],
        ['/api/ask', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ question: '网站公开了多少条?' }) }],
        ['/api/ask', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hi' }],
      ];
      for (const [path, init] of requests) {
        const overSocket = await fetch(`${server.url}${path}`, init);
        await overSocket.arrayBuffer();
        const inProcess = await app.request(path, init);
        expect(security(overSocket.headers), path).toEqual(security(inProcess.headers));
        expect(overSocket.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      }
    } finally {
      await server.close();
    }
  });

  it('answers in well under 50 ms on localhost', async () => {
    const server = await startHttpServer({ engine: engine(), config, logger: silentLogger });
    try {
      const questions = ['网站公开了多少条?', '開了多少次新聞發布會?', 'How many approval cases were handled?', '2014年公开了多少条?'];
      const times: number[] = [];
      for (let i = 0; i < 40; i++) {
        const started = performance.now();
        const res = await fetch(`${server.url}/api/ask`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ question: questions[i % questions.length] }),
        });
        await res.json();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      expect(times[Math.floor(times.length / 2)]).toBeLessThan(50);
    } finally {
      await server.close();
    }
  });

  it('serves an app another adapter added a route to', async () => {
    const app = createHttpApp({ engine: engine(), config, logger: silentLogger });
    app.post('/telegram/webhook', (c) => c.json({ ok: true }));
    const server = await startHttpServer({ engine: engine(), config, logger: silentLogger, app });
    try {
      const hook = await fetch(`${server.url}/telegram/webhook`, { method: 'POST' });
      expect(await hook.json()).toEqual({ ok: true });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('rate-limits by the real peer address', async () => {
    const limited = testConfig({ HOST: '127.0.0.1', PORT: '0', HTTP_RATE_LIMIT_PER_MINUTE: '2' });
    const server = await startHttpServer({ engine: engine(), config: limited, logger: silentLogger });
    try {
      const post = () => fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"question":"网站公开了多少条?"}' });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post()).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await server.close();
    }
  });

  it('rejects with an AdapterError naming PORT when the port is taken', async () => {
    const first = await startHttpServer({ engine: engine(), config, logger: silentLogger });
    try {
      const port = new URL(first.url).port;
      const clash = startHttpServer({ engine: engine(), config: { ...config, PORT: Number(port) }, logger: silentLogger });
      await expect(clash).rejects.toBeInstanceOf(AdapterError);
      await expect(clash).rejects.toMatchObject({ code: 'ADAPTER_FAILED', message: expect.stringContaining('PORT') });
    } finally {
      await first.close();
    }
  });
});
