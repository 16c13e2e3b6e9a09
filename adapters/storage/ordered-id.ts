import { randomBytes } from 'node:crypto';

/** Random bytes drawn in bulk: one call to the system's generator per 512 ids, not one per id. */
const POOL_IDS = 512;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * A UUID version 7 (RFC 9562): the milliseconds since the epoch in the first 48 bits, then 74
 * random bits. Why not randomUUID: the question log's primary key is this id, and random keys land
 * on a random page of the key's index at every insert, so a write of 500 questions dirtied some
 * 500 pages once the log held a few hundred thousand (30–50 µs a question, on the event loop);
 * ids that grow with time are appended. The 74 random bits keep an id unguessable for feedback.
 */
export function orderedId(now: number): string {
  if (offset + 10 > pool.length) {
    pool = randomBytes(10 * POOL_IDS);
    offset = 0;
  }
  const bytes = Buffer.allocUnsafe(16);
  bytes.writeUIntBE(Math.max(0, Math.floor(now)) % 2 ** 48, 0, 6);
  pool.copy(bytes, 6, offset, offset + 10);
  offset += 10;
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
