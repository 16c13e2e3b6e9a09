import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPublicDir } from '../../adapters/http/static-files.js';
import { fakeClock, makeApp, postAsk } from './helpers.js';

const CITY = 'https://www.city.example';

describe('CORS', () => {
  it('is off when CORS_ORIGINS is unset: no Access-Control headers, preflight not answered', async () => {
    const app = makeApp();
    const res = await postAsk(app, { question: '网站公开了多少条?' }, { headers: { Origin: CITY } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await app.request('/api/ask', { method: 'OPTIONS', headers: { Origin: CITY, 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('allows exactly the listed origins when CORS_ORIGINS is set', async () => {
    const app = makeApp({ env: { CORS_ORIGINS: `${CITY}, https://desk.example` } });
    const preflight = await app.request('/api/ask', {
      method: 'OPTIONS',
      headers: { Origin: CITY, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(CITY);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');

    const res = await postAsk(app, { question: '网站公开了多少条?' }, { headers: { Origin: 'https://desk.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://desk.example');
    expect(res.headers.get('vary')).toContain('Origin');

    const stranger = await postAsk(app, { question: '网站公开了多少条?' }, { headers: { Origin: 'https://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a listed origin read a 429 and its Retry-After', async () => {
    const app = makeApp({ env: { CORS_ORIGINS: CITY, HTTP_RATE_LIMIT_PER_MINUTE: '1' }, clock: fakeClock().now });
    await postAsk(app, { question: '网站公开了多少条?' }, { headers: { Origin: CITY } });
    const refused = await postAsk(app, { question: '网站公开了多少条?' }, { headers: { Origin: CITY } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('access-control-allow-origin')).toBe(CITY);
    expect(refused.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });
});

describe('security headers', () => {
  const app = makeApp();

  it('sends a CSP that allows only our own origin, with no inline script or style', async () => {
    for (const path of ['/', '/api/sections', '/nope']) {
      const csp = (await app.request(path)).headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("style-src 'self'");
      expect(csp, path).toContain("connect-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    }
  });

  it('lets any site (a page opened from disk too) frame the chat page and load embed.js, and nothing else', async () => {
    const page = await app.request('/');
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors \* file:(;|$)/);
    expect(page.headers.get('x-frame-options')).toBeNull();
    const embed = await app.request('/embed.js');
    expect(embed.headers.get('cross-origin-resource-policy')).toBe('cross-origin');

    const api = await app.request('/api/sections');
    expect(api.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(api.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(api.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('sends nosniff and a referrer policy, and no X-Powered-By', async () => {
    const res = await postAsk(app, { question: '网站公开了多少条?' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('the web chat files', () => {
  const app = makeApp();

  it.each([
    ['/', 'text/html'],
    ['/chat.js', 'text/javascript'],
    ['/chat.css', 'text/css'],
    ['/embed.js', 'text/javascript'],
    ['/favicon.svg', 'image/svg+xml'],
  ])('serves %s as %s, revalidated by ETag', async (path, type) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const tag = res.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await app.request(path, { headers: { 'If-None-Match': tag ?? '' } });
    expect(again.status).toBe(304);
  });

  const files = readdirSync(defaultPublicDir());
  const read = (name: string) => readFileSync(join(defaultPublicDir(), name), 'utf8');

  it('never turns text into HTML in the browser', () => {
    for (const name of files.filter((f) => f.endsWith('.js'))) {
      expect(read(name), name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
    }
  });

  it('loads nothing from another host and has no inline script or style', () => {
    const html = read('index.html');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
    expect(read('chat.css')).not.toMatch(/@import|url\((['"])?(https?:)?\/\//);
  });
});
