import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

/** The cookie the console keeps after login: an HMAC of the token, never the token itself. */
export const STAFF_COOKIE = 'gongkai_staff';

/** Staff credentials: the cookie value a login sets, and checks of what a request carries. */
export interface StaffAuth {
  /** The session cookie's value; it changes when STAFF_TOKEN does. */
  readonly session: string;
  /** True when a typed token is STAFF_TOKEN. */
  tokenMatches(given: string): boolean;
  /** True when the request carries the session cookie or `Authorization: Bearer <STAFF_TOKEN>`. */
  allowed(c: Context): boolean;
}

/**
 * Checks staff credentials in constant time: each value is hashed under a random key of this
 * process to 32 bytes before timingSafeEqual, so neither the comparison's time nor a length
 * mismatch tells anything about the token.
 */
export function createStaffAuth(token: string): StaffAuth {
  const key = randomBytes(32);
  const digest = (text: string) => createHmac('sha256', key).update(text).digest();
  const session = createHmac('sha256', token).update('gongkai-qa staff session').digest('base64url');
  const tokenDigest = digest(token);
  const sessionDigest = digest(session);
  const tokenMatches = (given: string) => timingSafeEqual(digest(given), tokenDigest);
  return {
    session,
    tokenMatches,
    allowed(c) {
      const cookie = getCookie(c, STAFF_COOKIE);
      if (cookie !== undefined && timingSafeEqual(digest(cookie), sessionDigest)) return true;
      const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1];
      return bearer !== undefined && tokenMatches(bearer.trim());
    },
  };
}
