import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHttpServer, type RunningHttpServer } from '../../adapters/http/index.js';
import { engine, recordingLogger, testConfig } from './helpers.js';
import { openRaw, request, type RawConnection } from './raw-socket.js';

const ASK = JSON.stringify({ question: '网站公开了多少条?' });
const running: RunningHttpServer[] = [];
const sockets: RawConnection[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.socket.destroy());
  await Promise.all(running.splice(0).map((s) => s.close(1000)));
});

async function serve(env: Record<string, string>) {
  const { logger, lines } = recordingLogger();
  const server = await startHttpServer({ engine: engine(), config: testConfig({ HOST: '127.0.0.1', PORT: '0', ...env }), logger });
  running.push(server);
  const open = async () => {
    const socket = await openRaw(server.url);
    sockets.push(socket);
    return socket;
  };
  return { server, lines, open };
}

describe('timeouts fire near their setting, not at Node’s 30 s check', () => {
  it('answers 408 and closes a connection whose headers never finish', async () => {
    const { open, lines } = await serve({ HTTP_HEADERS_TIMEOUT_SECONDS: '1', HTTP_REQUEST_TIMEOUT_SECONDS: '2' });
    const slow = await open();
    slow.send('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect((await slow.response()).status).toBe(408);
    await slow.ended;
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', event: 'http.client_error', fields: { code: 'ERR_HTTP_REQUEST_TIMEOUT', status: 408 } }));
  });

  it('answers 408 and closes a connection whose body never finishes, logging no server error', async () => {
    const { open, lines } = await serve({ HTTP_HEADERS_TIMEOUT_SECONDS: '1', HTTP_REQUEST_TIMEOUT_SECONDS: '1' });
    const slow = await open();
    slow.send(request('POST', '/api/ask', ASK).slice(0, -10));
    expect((await slow.response()).status).toBe(408);
    await slow.ended;
    await vi.waitFor(() => expect(lines).toContainEqual(expect.objectContaining({ event: 'http.request', fields: expect.objectContaining({ status: 400 }) })));
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  }, 10_000);
});

describe('load shedding', () => {
  it('answers requests on connections beyond HTTP_MAX_CONNECTIONS with 503 and Retry-After at once, probes excepted', async () => {
    const { open } = await serve({ HTTP_MAX_CONNECTIONS: '5' });
    const connections = await Promise.all(Array.from({ length: 20 }, () => open()));
    connections.forEach((c) => c.send(request('GET', '/api/meta')));
    const replies = await Promise.all(connections.map((c) => c.response()));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 503)).toHaveLength(15);
    for (const shed of replies.filter((r) => r.status === 503)) {
      expect(shed.headers['retry-after']).toBe('1');
      expect(shed.headers.connection).toBe('close');
      expect(JSON.parse(shed.body)).toMatchObject({ error: { code: 'OVERLOADED' } });
    }
    const probe = await open();
    probe.send(request('GET', '/healthz'));
    expect((await probe.response()).status).toBe(200);
  });

  it('answers a request beyond HTTP_MAX_CONCURRENT_REQUESTS with 503 while the first is still in progress', async () => {
    const { open } = await serve({ HTTP_MAX_CONCURRENT_REQUESTS: '1' });
    const first = await open();
    // Expect: 100-continue makes the server say when it has taken the request on (in progress).
    const whole = request('POST', '/api/ask', ASK, { Expect: '100-continue' });
    const headersEnd = whole.indexOf('\r\n\r\n') + 4;
    first.send(whole.slice(0, headersEnd));
    expect((await first.response()).status).toBe(100);

    const second = await open();
    second.send(request('POST', '/api/ask', ASK));
    const shed = await second.response();
    expect(shed.status).toBe(503);
    expect(shed.headers['retry-after']).toBe('1');

    first.send(whole.slice(headersEnd));
    const answered = await first.response();
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toMatchObject({ outcome: 'answered' });
  });
});

describe('client errors', () => {
  it('answers a malformed chunked body with 400, logged as a warning without stack, never a server error', async () => {
    const { open, lines } = await serve({});
    const client = await open();
    client.send(request('POST', '/api/ask', undefined, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }) + '5\r\n{"que\r\nZZ\r\nbad\r\n');
    expect((await client.response()).status).toBe(400);
    await client.ended;
    await vi.waitFor(() => expect(lines).toContainEqual(expect.objectContaining({ event: 'http.request', fields: expect.objectContaining({ path: '/api/ask', status: 400 }) })));
    const warnings = lines.filter((l) => l.event === 'http.client_error');
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) {
      expect(warning.level).toBe('warn');
      expect(JSON.stringify(warning.fields)).not.toMatch(/stack|\n\s+at /);
    }
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});

describe('close', () => {
  it('closes an idle keep-alive connection cleanly and lets a request in progress finish with Connection: close', async () => {
    const { server, open } = await serve({});
    const idle = await open();
    idle.send(request('GET', '/healthz'));
    expect((await idle.response()).status).toBe(200);

    const busy = await open();
    const whole = request('POST', '/api/ask', ASK, { Expect: '100-continue' });
    const headersEnd = whole.indexOf('\r\n\r\n') + 4;
    busy.send(whole.slice(0, headersEnd));
    expect((await busy.response()).status).toBe(100);

    const closed = server.close(5000);
    expect(await idle.ended).toEqual({ clean: true });
    busy.send(whole.slice(headersEnd));
    const answered = await busy.response();
    expect(answered.status).toBe(200);
    expect(answered.headers.connection).toBe('close');
    expect(await busy.ended).toEqual({ clean: true });
    expect(await closed).toBe(true);
    await expect(openRaw(server.url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('cuts off what is still open at the deadline', async () => {
    const { server, open } = await serve({});
    const stalled = await open();
    const whole = request('POST', '/api/ask', ASK, { Expect: '100-continue' });
    stalled.send(whole.slice(0, whole.indexOf('\r\n\r\n') + 4));
    expect((await stalled.response()).status).toBe(100);
    expect(await server.close(300)).toBe(false);
    await stalled.ended;
  });
});
