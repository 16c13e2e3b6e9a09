import type { Context, Env, Hono, Schema } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { BoundedMap } from '../../src/session/bounded-map.js';
import type { Logger } from '../shared/logger.js';
import type { ConversationReply } from './conversation.js';
import { openEnvelope, sealReply, type SafeModeKey } from './envelope.js';
import { deliveryKey, readInbound, type Inbound } from './inbound.js';
import { sameSignature, signatureOf } from './signature.js';
import { userTag } from './user-tag.js';
import { buildXml, parseXml } from './xml.js';

/** A callback message is a few hundred bytes; 64 KB is generous and still cheap to read. */
export const MAX_CALLBACK_BYTES = 64 * 1024;
/** Why five minutes: the platform signs with its clock, ours may drift a little, and its retries come within 15 s. */
export const MAX_CLOCK_SKEW_SECONDS = 300;
/** Deliveries remembered for retries; the platform's last retry comes about 15 s after the first try, so this holds up to some 270 messages a second. */
const DELIVERIES_REMEMBERED = 4096;

/** One mounted callback: where it listens, how the platform signs and seals, and who answers. */
export interface CallbackRoute {
  /** Names the log events (`wechat-oa.answered`) and nothing else. */
  channel: string;
  path: string;
  token: string;
  /** Set for safe mode; WeCom always has it. */
  safeMode?: SafeModeKey;
  /**
   * True for the Official Account, which signs every request with `signature` over the token,
   * timestamp and nonce and may post plaintext (plaintext and compatible modes). False for WeCom,
   * which signs only with `msg_signature` and always encrypts.
   */
  plainSignature: boolean;
  respond(message: Inbound): ConversationReply;
  logger: Logger;
  /** Milliseconds since the epoch, for the replay window and reply times; tests may fix it. */
  clock?: () => number;
}

const XML_TYPE = { 'Content-Type': 'application/xml; charset=utf-8' };

/**
 * Mounts one callback (GET for the URL check, POST for messages) on a Hono app, before it serves
 * its first request. Every refusal is a short plain-text 400 or 403 and a warning in the log,
 * never a stack trace: a bad signature 403; a missing or stale timestamp, a body over 64 KB,
 * malformed XML or a ciphertext that does not open 400. A redelivered message (same MsgId) gets
 * the reply the first delivery got, without asking the engine again.
 */
export function mountCallback<E extends Env, S extends Schema, B extends string>(app: Hono<E, S, B>, route: CallbackRoute): void {
  const clock = route.clock ?? Date.now;
  const delivered = new BoundedMap<string, { text?: string }>(DELIVERIES_REMEMBERED);

  const reject = (c: Context, status: 400 | 403, reason: string) => {
    route.logger.warn(`${route.channel}.rejected`, { status, reason });
    return c.text(`${status === 403 ? 'Forbidden' : 'Bad Request'}: ${reason}`, status);
  };

  /** The timestamp and nonce every request carries, or the reason to refuse it. */
  const stamp = (c: Context): { timestamp: string; nonce: string } | string => {
    const timestamp = c.req.query('timestamp');
    const nonce = c.req.query('nonce');
    if (!timestamp || !nonce || !/^\d{1,12}$/.test(timestamp)) return 'timestamp and nonce are required';
    if (Math.abs(clock() / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) return 'timestamp too far from now (a replay?)';
    return { timestamp, nonce };
  };

  app.get(route.path, (c) => {
    const stamped = stamp(c);
    if (typeof stamped === 'string') return reject(c, 400, stamped);
    const { timestamp, nonce } = stamped;
    const echostr = c.req.query('echostr');
    if (!echostr) return reject(c, 400, 'echostr is required');
    if (route.plainSignature) {
      if (!sameSignature(c.req.query('signature'), signatureOf(route.token, timestamp, nonce))) return reject(c, 403, 'bad signature');
      return c.text(echostr);
    }
    if (!route.safeMode || !sameSignature(c.req.query('msg_signature'), signatureOf(route.token, timestamp, nonce, echostr))) {
      return reject(c, 403, 'bad msg_signature');
    }
    const opened = openEnvelope(route.safeMode, echostr);
    return opened === undefined ? reject(c, 400, 'echostr does not decrypt with the EncodingAESKey') : c.text(opened);
  });

  app.post(route.path, bodyLimit({ maxSize: MAX_CALLBACK_BYTES, onError: (c) => reject(c, 400, 'body over 64 KB') }), async (c) => {
    const stamped = stamp(c);
    if (typeof stamped === 'string') return reject(c, 400, stamped);
    const { timestamp, nonce } = stamped;
    if (route.plainSignature && !sameSignature(c.req.query('signature'), signatureOf(route.token, timestamp, nonce))) return reject(c, 403, 'bad signature');

    const outer = parseXml(await c.req.text());
    if (!outer) return reject(c, 400, 'the body is not well-formed <xml>');
    const ciphertext = typeof outer.Encrypt === 'string' ? outer.Encrypt : undefined;
    let fields: Record<string, unknown> | undefined;
    let sealed = false;
    if (ciphertext && route.safeMode) {
      if (!sameSignature(c.req.query('msg_signature'), signatureOf(route.token, timestamp, nonce, ciphertext))) return reject(c, 403, 'bad msg_signature');
      const inner = openEnvelope(route.safeMode, ciphertext);
      if (inner === undefined) return reject(c, 400, 'Encrypt does not decrypt with the EncodingAESKey');
      fields = parseXml(inner);
      sealed = true;
    } else if (route.plainSignature && outer.MsgType !== undefined) {
      fields = outer;
    } else {
      return reject(c, 400, route.safeMode ? 'an encrypted message was expected' : 'an encrypted message arrived, but no EncodingAESKey is configured');
    }
    const message = fields && readInbound(fields);
    if (!message) return reject(c, 400, 'not a message: ToUserName, FromUserName, CreateTime or MsgType missing or malformed');

    const key = deliveryKey(message);
    const user = userTag(route.token, message.FromUserName);
    let reply = delivered.get(key);
    if (reply) {
      route.logger.info(`${route.channel}.duplicate`, { user, msgType: message.MsgType });
    } else {
      const result = route.respond(message);
      reply = result.text === undefined ? {} : { text: result.text };
      delivered.set(key, reply);
      route.logger.info(`${route.channel}.replied`, {
        user,
        msgType: message.MsgType,
        kind: result.kind,
        outcome: result.answer?.outcome,
        intent: result.answer?.intent,
        pickedSuggestion: result.pickedSuggestion,
        page: result.page,
        pages: result.pages,
      });
    }
    if (reply.text === undefined) return c.text('success');

    const now = Math.floor(clock() / 1000);
    const plain = buildXml({ ToUserName: message.FromUserName, FromUserName: message.ToUserName, CreateTime: now, MsgType: 'text', Content: reply.text });
    const body = sealed && route.safeMode ? sealReply(route.safeMode, route.token, plain, now) : plain;
    return c.body(body, 200, XML_TYPE);
  });
}
