import { randomBytes } from 'node:crypto';
import { decrypt, encrypt } from '@wecom/crypto';
import { signatureOf } from './signature.js';
import { buildXml } from './xml.js';

/** The safe-mode keys of one callback: the EncodingAESKey and the AppID or CorpID sealed into each message. */
export interface SafeModeKey {
  aesKey: string;
  receiverId: string;
}

/**
 * Opens a safe-mode ciphertext (AES-256-CBC, key and IV from the EncodingAESKey), or undefined when
 * it does not decrypt or was sealed for another AppID/CorpID. @wecom/crypto throws on some bad
 * inputs and returns garbage on others, so the id check is what tells the two apart.
 */
export function openEnvelope(key: SafeModeKey, ciphertext: string): string | undefined {
  try {
    const { message, id } = decrypt(key.aesKey, ciphertext);
    return id === key.receiverId ? message : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Seals a reply for safe mode: the encrypted document with its own msg_signature, timestamp and a
 * fresh nonce, as the platform expects a passive reply in safe mode.
 */
export function sealReply(key: SafeModeKey, token: string, plainXml: string, timestamp: number): string {
  const ciphertext = encrypt(key.aesKey, plainXml, key.receiverId);
  const nonce = randomBytes(8).toString('hex');
  return buildXml({
    Encrypt: ciphertext,
    MsgSignature: signatureOf(token, String(timestamp), nonce, ciphertext),
    TimeStamp: timestamp,
    Nonce: nonce,
  });
}
