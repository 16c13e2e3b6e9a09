import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import { ConfigError } from '../../src/errors.js';
import { checkWechatCallbacks } from './wechat-callback-rules.js';

const optionalText = z.string().trim().min(1).optional();
const csv = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const url = z.string().url().optional();
const callbackToken = z.string().trim().regex(/^[A-Za-z0-9]{3,32}$/, 'the Token typed into 服务器配置').optional();
const aesKey = z.string().trim().regex(/^[A-Za-z0-9]{43}$/, 'the EncodingAESKey from 服务器配置').optional();
const callbackPath = (fallback: string) => z.string().trim().regex(/^\/[\w.-]+(\/[\w.-]+)*$/, 'a URL path like /wechat/oa').default(fallback);
const redisUrl = z
  .string()
  .trim()
  .refine((v) => /^rediss?:\/\/[^/\s]/.test(v) && URL.canParse(v), 'not a Redis URL')
  .optional();
const proxies = csv.superRefine((list, ctx) => {
  try {
    if (list.length > 0) proxyAddr.compile(list);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});
const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/**
 * Every environment variable the program reads, with its default. Read and validated once at
 * start; .env.example and README list the same variables.
 */
const ConfigSchema = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1').describe('address the HTTP server listens on'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('an integer port from 0 to 65535'),
  KNOWLEDGE_DIR: optionalText.describe('a folder holding a knowledge pack (report.json, facts.json, lexicon.json, intents.json), or a folder of such packs'),
  DEFAULT_REPORT: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][\w.-]*$/, 'a pack id (a subfolder name of KNOWLEDGE_DIR)')
    .optional()
    .describe('the id of a pack in KNOWLEDGE_DIR (its folder name), answering questions that name no report'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  CORS_ORIGINS: csv.describe('comma-separated origins allowed to call the API from a browser'),
  HTTP_RATE_LIMIT_PER_MINUTE: positiveInt(60),
  HTTP_MAX_CONNECTIONS: positiveInt(500).describe('open connections the server keeps; a request on a connection beyond them gets 503'),
  HTTP_MAX_CONCURRENT_REQUESTS: positiveInt(100).describe('requests in progress at once; the excess gets 503 with Retry-After'),
  HTTP_HEADERS_TIMEOUT_SECONDS: positiveInt(10).describe('seconds a client has to send its request headers'),
  HTTP_REQUEST_TIMEOUT_SECONDS: positiveInt(30).describe('seconds a client has to send its whole request, at least HTTP_HEADERS_TIMEOUT_SECONDS'),
  HTTP_EXPLAIN: flag.describe('true or false: whether /api/ask sends `explain` (rule and scores) to a client that asks for it'),
  SHUTDOWN_TIMEOUT_SECONDS: positiveInt(10).describe('seconds SIGTERM waits for requests and channels to finish before closing everything'),
  SESSION_MAX: positiveInt(10_000),
  SESSION_IDLE_MINUTES: positiveInt(30),
  ANSWER_CACHE_SIZE: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(1000)
    .describe('an integer from 0 to 1000000: answers to questions asked without a conversation context that are remembered (0: none)'),
  TELEGRAM_BOT_TOKEN: z
    .string()
    .trim()
    .regex(/^\d+:[\w-]{20,}$/, 'a token from @BotFather, like 123456:ABC-DEF…')
    .optional(),
  TELEGRAM_WEBHOOK_URL: url.describe('a public https URL; when set, Telegram pushes updates there instead of long polling'),
  TELEGRAM_API_ROOT: url.describe('a Bot API server root URL, for a self-hosted Bot API'),
  TELEGRAM_FLOOD_PER_MINUTE: positiveInt(20),
  WECHATY_PUPPET: optionalText.describe('a wechaty puppet package name, e.g. wechaty-puppet-wechat4u'),
  WECHATY_PUPPET_SERVICE_TOKEN: optionalText,
  WECHATY_NAME: z.string().trim().min(1).default('gongkai-qa'),
  WECHAT_FLOOD_PER_MINUTE: positiveInt(20),
  WECHAT_OA_TOKEN: callbackToken.describe('3 to 32 letters or digits, the Token of the Official Account 服务器配置'),
  WECHAT_OA_APP_ID: z.string().trim().regex(/^wx[0-9A-Za-z]{16}$/, 'the AppID from 开发 › 基本配置').optional().describe('an AppID like wx0123456789abcdef'),
  WECHAT_OA_AES_KEY: aesKey.describe('43 letters or digits, the EncodingAESKey of the Official Account 服务器配置'),
  WECHAT_OA_PATH: callbackPath('/wechat/oa').describe('the path of the Official Account callback URL, like /wechat/oa'),
  WECOM_TOKEN: callbackToken.describe('3 to 32 letters or digits, the Token of the WeCom application\'s 接收消息 settings'),
  WECOM_CORP_ID: z.string().trim().regex(/^w[wx][0-9A-Za-z]{16}$/, 'the CorpID from 我的企业').optional().describe('a CorpID like ww0123456789abcdef'),
  WECOM_AES_KEY: aesKey.describe('43 letters or digits, the EncodingAESKey of the WeCom application\'s 接收消息 settings'),
  WECOM_PATH: callbackPath('/wecom').describe('the path of the WeCom callback URL, like /wecom'),
  QUESTION_LOG: z.enum(['on', 'off']).default('on').describe('on or off'),
  QUESTION_LOG_DAYS: positiveInt(90).describe('a whole number of days to keep logged questions'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'a PostgreSQL URL, like postgres://user:password@host:5432/db')
    .optional(),
  SQLITE_FILE: z.string().trim().min(1).default('data/gongkai-qa.sqlite').describe('a file path for the SQLite database'),
  STAFF_TOKEN: z.string().trim().min(16, 'at least 16 characters, e.g. from `openssl rand -hex 24`').optional(),
  REDIS_URL: redisUrl.describe('a Redis URL like redis://127.0.0.1:6379/0 (rediss:// for TLS); shares state across instances'),
  TRUST_PROXY: proxies.describe('comma-separated proxy addresses or CIDRs (or loopback, linklocal, uniquelocal) whose X-Forwarded-For is believed'),
});

export type Config = z.infer<typeof ConfigSchema>;

/**
 * Validates the environment. Empty strings count as unset (as .env files leave them), and the
 * first bad variable throws a ConfigError naming it and what is expected.
 */
export function readConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (parsed.success) return checkTogether(checkWechatCallbacks(parsed.data));
  const issue = parsed.error.issues[0];
  const variable = String(issue?.path[0] ?? 'environment');
  const expected = ConfigSchema.shape[variable as keyof typeof ConfigSchema.shape]?.description;
  throw new ConfigError(variable, `${issue?.message ?? 'invalid'}${expected ? ` (expected ${expected})` : ''}`);
}

/** Rules between variables, which each one's own schema cannot see. */
function checkTogether(config: Config): Config {
  if (config.HTTP_HEADERS_TIMEOUT_SECONDS > config.HTTP_REQUEST_TIMEOUT_SECONDS) {
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_SECONDS', `${config.HTTP_HEADERS_TIMEOUT_SECONDS} is longer than HTTP_REQUEST_TIMEOUT_SECONDS (${config.HTTP_REQUEST_TIMEOUT_SECONDS}); the headers are part of the request`);
  }
  return config;
}
