import { ConfigError } from '../../src/errors.js';

/** The callback variables, each valid on its own (config.ts checks their shapes). */
export interface WechatCallbackVars {
  WECHAT_OA_TOKEN?: string | undefined;
  WECHAT_OA_APP_ID?: string | undefined;
  WECHAT_OA_AES_KEY?: string | undefined;
  WECHAT_OA_PATH: string;
  WECOM_TOKEN?: string | undefined;
  WECOM_CORP_ID?: string | undefined;
  WECOM_AES_KEY?: string | undefined;
  WECOM_PATH: string;
}

/**
 * What the callback variables need of each other, which zod's per-variable shapes cannot say.
 * Why at start: a half-configured callback would pass the platform's URL check and then fail on
 * the first encrypted message, seen only by a citizen who gets "该公众号暂时无法提供服务".
 */
export function checkWechatCallbacks<C extends WechatCallbackVars>(config: C): C {
  const oaOn = !!config.WECHAT_OA_TOKEN;
  if (!oaOn && (config.WECHAT_OA_APP_ID || config.WECHAT_OA_AES_KEY)) {
    throw new ConfigError('WECHAT_OA_TOKEN', 'needed when WECHAT_OA_APP_ID or WECHAT_OA_AES_KEY is set (the Token of the Official Account 服务器配置)');
  }
  if (config.WECHAT_OA_AES_KEY && !config.WECHAT_OA_APP_ID) {
    throw new ConfigError('WECHAT_OA_APP_ID', 'needed with WECHAT_OA_AES_KEY: safe mode seals the AppID into every message (开发 › 基本配置)');
  }
  const wecomOn = !!config.WECOM_TOKEN;
  if (!wecomOn && (config.WECOM_CORP_ID || config.WECOM_AES_KEY)) {
    throw new ConfigError('WECOM_TOKEN', 'needed when WECOM_CORP_ID or WECOM_AES_KEY is set (the Token of the application\'s 接收消息 settings)');
  }
  if (wecomOn && !config.WECOM_CORP_ID) throw new ConfigError('WECOM_CORP_ID', 'needed with WECOM_TOKEN: WeCom seals the CorpID into every message (我的企业 › 企业信息)');
  if (wecomOn && !config.WECOM_AES_KEY) throw new ConfigError('WECOM_AES_KEY', 'needed with WECOM_TOKEN: WeCom always encrypts callbacks (the EncodingAESKey of 接收消息)');
  if (oaOn && wecomOn && config.WECHAT_OA_PATH === config.WECOM_PATH) {
    throw new ConfigError('WECOM_PATH', `must differ from WECHAT_OA_PATH (both are ${config.WECOM_PATH})`);
  }
  return config;
}
