import { describe, expect, it } from 'vitest';
import { readConfig } from '../../adapters/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { makeApp } from './helpers.js';

const env = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

function asker(trustProxy?: string) {
  const app = makeApp({ env: { HTTP_RATE_LIMIT_PER_MINUTE: '1', ...(trustProxy ? { TRUST_PROXY: trustProxy } : {}) } });
  return async (peer: string, forwardedFor?: string) => {
    const response = await app.request(
      '/api/ask',
      { method: 'POST', headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) }, body: JSON.stringify({ question: '简报发了多少期?' }) },
      env(peer),
    );
    return response.status;
  };
}

describe('TRUST_PROXY and the rate limit', () => {
  it('counts each client behind a trusted proxy on its own', async () => {
    const ask = asker('10.0.0.1');
    expect(await ask('10.0.0.1', '203.0.113.5')).toBe(200);
    expect(await ask('10.0.0.1', '203.0.113.5')).toBe(429);
    expect(await ask('10.0.0.1', '203.0.113.6')).toBe(200);
  });

  it('ignores X-Forwarded-For from a peer it does not trust, so a client cannot pick its own quota', async () => {
    const ask = asker('10.0.0.1');
    expect(await ask('192.0.2.9', '203.0.113.7')).toBe(200);
    expect(await ask('192.0.2.9', '203.0.113.8')).toBe(429);
  });

  it('walks a chain of trusted proxies given as a CIDR, and stops at the first untrusted hop', async () => {
    const ask = asker('10.0.0.0/8');
    expect(await ask('10.0.0.1', '198.51.100.1, 10.0.0.2')).toBe(200);
    expect(await ask('10.0.0.3', '198.51.100.1')).toBe(429);
    expect(await ask('10.0.0.1', '198.51.100.1, 198.51.100.2, 10.0.0.2')).toBe(200);
  });

  it('without TRUST_PROXY every request counts against the peer address', async () => {
    const ask = asker();
    expect(await ask('10.0.0.1', '203.0.113.5')).toBe(200);
    expect(await ask('10.0.0.1', '203.0.113.6')).toBe(429);
  });

  it('refuses an address that is not one, naming TRUST_PROXY', () => {
    expect(() => readConfig({ TRUST_PROXY: '10.0.0.1, proxy.example.org' })).toThrow(ConfigError);
    expect(() => readConfig({ TRUST_PROXY: '10.0.0.1/99' })).toThrow(/^TRUST_PROXY: /);
    expect(readConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
  });
});
