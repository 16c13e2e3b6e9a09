import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDotEnv, readConfig } from '../../adapters/config/index.js';
import { ConfigError } from '../../src/errors.js';

describe('readConfig', () => {
  it('gives every default with an empty environment, treating empty strings as unset', () => {
    const config = readConfig({ PORT: '', TELEGRAM_BOT_TOKEN: '' });
    expect(config).toMatchObject({ HOST: '127.0.0.1', PORT: 3000, CORS_ORIGINS: [], HTTP_RATE_LIMIT_PER_MINUTE: 60 });
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
  });
  it('gives the HTTP limits, timeouts and shutdown deadline their defaults, explain off', () => {
    expect(readConfig({})).toMatchObject({
      HTTP_MAX_CONNECTIONS: 500,
      HTTP_MAX_CONCURRENT_REQUESTS: 100,
      HTTP_HEADERS_TIMEOUT_SECONDS: 10,
      HTTP_REQUEST_TIMEOUT_SECONDS: 30,
      HTTP_EXPLAIN: false,
      SHUTDOWN_TIMEOUT_SECONDS: 10,
    });
    expect(readConfig({ HTTP_EXPLAIN: 'true' }).HTTP_EXPLAIN).toBe(true);
    expect(readConfig({ HTTP_EXPLAIN: '1' }).HTTP_EXPLAIN).toBe(true);
  });
  it('refuses a header timeout longer than the request timeout, naming the variable', () => {
    expect(() => readConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: '40' })).toThrow(/HTTP_HEADERS_TIMEOUT_SECONDS: 40 is longer than HTTP_REQUEST_TIMEOUT_SECONDS \(30\)/);
  });
  it('parses lists and numbers', () => {
    expect(readConfig({ CORS_ORIGINS: 'https://a.gov.cn, https://b.gov.cn', PORT: '8080' })).toMatchObject({ CORS_ORIGINS: ['https://a.gov.cn', 'https://b.gov.cn'], PORT: 8080 });
  });
  it.each([
    ['PORT', 'eighty', /PORT: .*0 to 65535/],
    ['TELEGRAM_BOT_TOKEN', 'not-a-token', /TELEGRAM_BOT_TOKEN: .*BotFather/],
    ['TELEGRAM_WEBHOOK_URL', 'bot.example.org/hook', /TELEGRAM_WEBHOOK_URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['HTTP_MAX_CONNECTIONS', '0', /HTTP_MAX_CONNECTIONS: .*open connections/],
    ['SHUTDOWN_TIMEOUT_SECONDS', 'soon', /SHUTDOWN_TIMEOUT_SECONDS: .*SIGTERM/],
    ['HTTP_EXPLAIN', 'yes', /HTTP_EXPLAIN: .*true or false/],
  ])('names %s and what it expects when the value is bad', (variable, value, message) => {
    let error: unknown;
    try {
      readConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).code).toBe('CONFIG_INVALID');
    expect((error as Error).message).toMatch(message);
  });
});

describe('loadDotEnv', () => {
  const dirs: string[] = [];
  afterEach(() => {
    dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
    delete process.env.GONGKAI_TEST_A;
    delete process.env.GONGKAI_TEST_B;
  });
  it('adds .env variables without overriding the shell, and is quiet without a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    dirs.push(dir);
    expect(() => loadDotEnv(dir)).not.toThrow();
    writeFileSync(join(dir, '.env'), 'GONGKAI_TEST_A=from-file\nGONGKAI_TEST_B=from-file\n');
    process.env.GONGKAI_TEST_B = 'from-shell';
    loadDotEnv(dir);
    expect(process.env.GONGKAI_TEST_A).toBe('from-file');
    expect(process.env.GONGKAI_TEST_B).toBe('from-shell');
  });
});
