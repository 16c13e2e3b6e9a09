import { createHmac } from 'node:crypto';

/**
 * What logs call a citizen: 12 hex digits of an HMAC of the OpenID (or WeCom UserID), keyed with
 * the callback's Token. The same person reads the same in every line, so a conversation can be
 * followed, but the OpenID never appears, and without the Token a known OpenID cannot be matched.
 */
export function userTag(token: string, userId: string): string {
  return createHmac('sha256', token).update(userId).digest('hex').slice(0, 12);
}
