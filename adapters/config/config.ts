import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import { ConfigError } from '../../src/errors.js';

const optionalText = z.string().trim().min(1).optional();
const csv = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []));
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const url = z.string().url().optional();
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

/**
 * Every environment variable the program reads, with its default. Read and validated once at
 * start; .env.example and README list the same variables.
 */
const ConfigSchema = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1').describe('address the HTTP server listens on'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('an integer port from 0 to 65535'),
  KNOWLEDGE_DIR: optionalText.describe('a folder holding a knowledge pack (report.json, facts.json, lexicon.json, intents.json)'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  CORS_ORIGINS: csv.describe('comma-separated origins allowed to call the API from a browser'),
  HTTP_RATE_LIMIT_PER_MINUTE: positiveInt(60),
  SESSION_MAX: positiveInt(10_000),
  SESSION_IDLE_MINUTES: positiveInt(30),
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
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = String(issue?.path[0] ?? 'environment');
  const expected = ConfigSchema.shape[variable as keyof typeof ConfigSchema.shape]?.description;
  throw new ConfigError(variable, `${issue?.message ?? 'invalid'}${expected ? ` (expected ${expected})` : ''}`);
}
