import { createHttpApp, type HttpApp } from '../../adapters/http/index.js';
import { createLogger, type Logger } from '../../adapters/shared/logger.js';
import { mountWechatCallbacks } from '../../adapters/wechat-oa/index.js';
import { engine, testConfig } from '../http/helpers.js';
import { StandInWechat, TEST_AES_KEY, TEST_APP_ID, TEST_CORP_ID, TEST_TOKEN, type Mode } from './stand-in-wechat.js';

/** The callback variables as an operator fills them in for each mode; WeCom beside the Official Account. */
export function callbackEnv(mode: Mode): Record<string, string> {
  const safe: Record<string, string> = mode === 'plaintext' ? {} : { WECHAT_OA_APP_ID: TEST_APP_ID, WECHAT_OA_AES_KEY: TEST_AES_KEY };
  return { WECHAT_OA_TOKEN: TEST_TOKEN, ...safe, WECOM_TOKEN: 'WeComToken42', WECOM_CORP_ID: TEST_CORP_ID, WECOM_AES_KEY: TEST_AES_KEY };
}

/** Every log line as parsed JSON, through the real JSON-lines logger, to check what reaches a log. */
export function capturedLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }), lines };
}

/**
 * The app `npm start` builds, with the callbacks mounted as start.ts mounts them, and stand-ins for
 * the Official Account platform (in the given mode, or `platformMode` to test a mismatch) and for
 * WeCom, posting to it in-process.
 */
export function callbackFixture(mode: Mode, options: { logger?: Logger; env?: Record<string, string>; platformMode?: Mode } = {}) {
  const config = testConfig({ ...callbackEnv(mode), ...options.env });
  const { logger } = options.logger ? { logger: options.logger } : capturedLogger();
  const app: HttpApp = createHttpApp({ engine: engine(), config, logger });
  mountWechatCallbacks(app, { engine: engine(), config, logger });
  const send = (url: string, init?: RequestInit) => app.request(url, init);
  const oa = new StandInWechat({ platform: 'oa', mode: options.platformMode ?? mode, token: TEST_TOKEN, path: config.WECHAT_OA_PATH, receiverId: TEST_APP_ID, aesKey: TEST_AES_KEY, send });
  const wecom = new StandInWechat({ platform: 'wecom', mode: 'safe', token: 'WeComToken42', path: config.WECOM_PATH, receiverId: TEST_CORP_ID, aesKey: TEST_AES_KEY, send });
  return { app, config, oa, wecom };
}

let openIds = 0;
/** A fresh OpenID-shaped id, so each test is its own conversation. */
export const newOpenId = () => `oLVPpjqs9BhvzwPj5A-vTYAX${String(++openIds).padStart(4, '0')}`;
