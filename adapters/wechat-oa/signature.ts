import { createHash, timingSafeEqual } from 'node:crypto';
import { getSignature } from '@wecom/crypto';

/**
 * The platform's request signature: sha1 of the sorted token, timestamp, nonce and (in safe mode)
 * the ciphertext. The Official Account's plain `signature` has no ciphertext; an empty fourth part
 * sorts first and adds nothing to the joined string, so one function computes both.
 */
export function signatureOf(token: string, timestamp: string, nonce: string, encrypted = ''): string {
  return getSignature(token, timestamp, nonce, encrypted);
}

/** Constant-time comparison of a given signature with the expected one, so it cannot be guessed a character at a time. */
export function sameSignature(given: string | undefined, expected: string): boolean {
  const a = createHash('sha256').update(given ?? '').digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given === expected;
}
