import { describe, expect, it } from 'vitest';
import { readConfig } from '../../adapters/config/index.js';
import { ConfigError } from '../../src/errors.js';
import { TEST_AES_KEY, TEST_APP_ID, TEST_CORP_ID } from './stand-in-wechat.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`readConfig accepted ${JSON.stringify(env)}`);
}

describe('callback variables', () => {
  it('default the paths and leave the callbacks off', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ WECHAT_OA_PATH: '/wechat/oa', WECOM_PATH: '/wecom' });
    expect(config.WECHAT_OA_TOKEN).toBeUndefined();
    expect(config.WECOM_TOKEN).toBeUndefined();
  });

  it('accept a plaintext Official Account (token only), a safe one, and WeCom on its own path', () => {
    expect(readConfig({ WECHAT_OA_TOKEN: 'abc123' }).WECHAT_OA_TOKEN).toBe('abc123');
    const full = readConfig({ WECHAT_OA_TOKEN: 'abc123', WECHAT_OA_APP_ID: TEST_APP_ID, WECHAT_OA_AES_KEY: TEST_AES_KEY, WECOM_TOKEN: 'xyz789', WECOM_CORP_ID: TEST_CORP_ID, WECOM_AES_KEY: TEST_AES_KEY, WECOM_PATH: '/qy/callback' });
    expect(full).toMatchObject({ WECHAT_OA_AES_KEY: TEST_AES_KEY, WECOM_PATH: '/qy/callback' });
  });

  it.each([
    [{ WECHAT_OA_TOKEN: 'has space' }, 'WECHAT_OA_TOKEN', /3 to 32 letters or digits/],
    [{ WECHAT_OA_TOKEN: 'abc123', WECHAT_OA_AES_KEY: 'short' }, 'WECHAT_OA_AES_KEY', /43 letters or digits/],
    [{ WECHAT_OA_TOKEN: 'abc123', WECHAT_OA_AES_KEY: TEST_AES_KEY }, 'WECHAT_OA_APP_ID', /needed with WECHAT_OA_AES_KEY/],
    [{ WECHAT_OA_APP_ID: TEST_APP_ID }, 'WECHAT_OA_TOKEN', /needed when/],
    [{ WECHAT_OA_TOKEN: 'abc123', WECHAT_OA_APP_ID: 'gh_0123456789ab' }, 'WECHAT_OA_APP_ID', /wx0123456789abcdef/],
    [{ WECHAT_OA_PATH: 'wechat' }, 'WECHAT_OA_PATH', /URL path/],
    [{ WECOM_TOKEN: 'xyz789', WECOM_CORP_ID: TEST_CORP_ID }, 'WECOM_AES_KEY', /always encrypts/],
    [{ WECOM_TOKEN: 'xyz789', WECOM_AES_KEY: TEST_AES_KEY }, 'WECOM_CORP_ID', /CorpID/],
    [{ WECOM_CORP_ID: TEST_CORP_ID }, 'WECOM_TOKEN', /needed when/],
    [{ WECHAT_OA_TOKEN: 'abc123', WECOM_TOKEN: 'xyz789', WECOM_CORP_ID: TEST_CORP_ID, WECOM_AES_KEY: TEST_AES_KEY, WECOM_PATH: '/wechat/oa' }, 'WECOM_PATH', /must differ/],
  ])('refuse %j naming %s', (env, variable, message) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(message);
  });
});
