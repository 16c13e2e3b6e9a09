import { createHash, timingSafeEqual } from 'node:crypto';
import type { Env, Hono, Schema } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Update } from 'telegraf/types';
import type { Logger } from '../shared/logger.js';

/** The header Telegram sends with every webhook call when setWebhook was given a secret_token. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * The path to serve, from the public URL Telegram calls (`https://bot.example.org/telegram/hook`
 * → `/telegram/hook`); a reverse proxy in front must forward it unchanged.
 */
export function webhookPath(url: string): string {
  return new URL(url).pathname || '/';
}

/**
 * The webhook's secret_token, derived from the bot token so every instance and every restart
 * agrees without another setting, and nobody without the token can forge updates. Telegram allows
 * A–Z, a–z, 0–9, `_` and `-`, which base64url is.
 */
export function webhookSecret(botToken: string): string {
  return createHash('sha256').update(`gongkai-qa telegram webhook\n${botToken}`).digest('base64url');
}

/** Constant-time comparison, so the secret cannot be guessed one character at a time. */
function sameSecret(given: string | undefined, secret: string): boolean {
  const a = createHash('sha256').update(given ?? '').digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b) && given === secret;
}

function isUpdate(value: unknown): value is Update {
  return typeof value === 'object' && value !== null && Number.isInteger((value as { update_id?: unknown }).update_id);
}

export interface WebhookRoute {
  path: string;
  secret: string;
  /** Runs one update (telegraf's handleUpdate); errors are the bot's to log. */
  handle(update: Update): Promise<void>;
  /** False while starting or after stop: Telegram gets 503 and delivers the update again later. */
  ready(): boolean;
  logger: Logger;
}

/**
 * Mounts the webhook on a Hono app: checks the secret header, parses the update, runs it through
 * the bot and answers 200. Telegram redelivers on any other status, so once an update is parsed
 * the answer is 200 even if handling failed (a poison update must not come back forever). Mount
 * it before the app serves its first request: Hono builds its router then and refuses new routes.
 */
export function mountWebhook<E extends Env, S extends Schema, B extends string>(app: Hono<E, S, B>, route: WebhookRoute): void {
  app.post(route.path, bodyLimit({ maxSize: 1024 * 1024 }), async (c) => {
    if (!sameSecret(c.req.header(SECRET_HEADER), route.secret)) {
      route.logger.warn('telegram.webhook_rejected', { reason: 'missing or wrong secret token header' });
      return c.text('Forbidden', 403);
    }
    if (!route.ready()) return c.text('Service Unavailable', 503);
    let update: unknown;
    try {
      update = await c.req.json();
    } catch {
      return c.text('Bad Request: the body is not JSON', 400);
    }
    if (!isUpdate(update)) return c.text('Bad Request: not a Telegram update', 400);
    try {
      await route.handle(update);
    } catch (error) {
      route.logger.error('telegram.webhook_update_failed', { updateId: update.update_id, error });
    }
    return c.body(null, 200);
  });
}
