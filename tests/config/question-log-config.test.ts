import { describe, expect, it } from 'vitest';
import { readConfig } from '../../adapters/config/index.js';
import { storageSecrets } from '../../adapters/storage/index.js';
import { ConfigError } from '../../src/errors.js';

describe('question log, database and staff settings', () => {
  it('logs by default to a SQLite file under data/ for 90 days, with no staff console', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ QUESTION_LOG: 'on', QUESTION_LOG_DAYS: 90, SQLITE_FILE: 'data/gongkai-qa.sqlite' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.STAFF_TOKEN).toBeUndefined();
    expect(readConfig({ QUESTION_LOG: 'off', QUESTION_LOG_DAYS: '30' })).toMatchObject({ QUESTION_LOG: 'off', QUESTION_LOG_DAYS: 30 });
  });

  it.each([
    ['QUESTION_LOG', 'yes', /QUESTION_LOG: .*on or off/],
    ['QUESTION_LOG_DAYS', '-1', /QUESTION_LOG_DAYS: .*whole number of days/],
    ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL: a PostgreSQL URL/],
    ['STAFF_TOKEN', 'short-token', /STAFF_TOKEN: at least 16 characters/],
  ])('names %s and what it expects when the value is bad', (variable, value, message) => {
    let error: unknown;
    try {
      readConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toMatch(message);
    if (variable === 'STAFF_TOKEN') expect((error as Error).message, 'a token is never echoed').not.toContain(value);
  });

  it('keeps the database URL and its password out of logs', () => {
    expect(storageSecrets({ DATABASE_URL: 'postgres://bot:s%40cret-pw@db:5432/qa' })).toEqual(['postgres://bot:s%40cret-pw@db:5432/qa', 's@cret-pw']);
    expect(storageSecrets({})).toEqual([]);
  });
});
