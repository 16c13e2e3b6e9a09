import { hash, randomBytes } from 'node:crypto';

const DAY_MS = 86_400_000;

/**
 * Anonymous conversation keys: a SHA-256 of the channel's conversation id under a random salt that
 * is drawn anew each UTC day and never stored. Questions of one conversation on one day share a
 * key (staff can read a follow-up in context), but no key can be traced back to a chat id, an
 * account or a browser, nor linked across days, not even by whoever holds the database. A salted
 * one-shot hash, not an HMAC: the salt is secret and the key is truncated, so it hides as much, and
 * it costs a fifth of an HMAC on a path every question takes.
 */
export function createConversationKeys(clock: () => number = Date.now): (conversation: string) => string {
  let day = Number.NaN;
  let salt = '';
  return (conversation) => {
    const today = Math.floor(clock() / DAY_MS);
    if (today !== day) {
      day = today;
      salt = randomBytes(32).toString('base64');
    }
    return hash('sha256', `${salt}\n${conversation}`, 'base64url').slice(0, 22);
  };
}
