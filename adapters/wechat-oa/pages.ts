import { splitMessage } from '../wechat/split-message.js';

/**
 * The platform's limit on a passive text reply is about 2,048 bytes of UTF-8 (Chinese takes three
 * bytes a character, so some 680 characters); 2,000 leaves room for the page footer's rounding.
 */
export const MAX_REPLY_BYTES = 2000;

/** Ends of a sentence or line, with closing quotes or brackets that follow; a page ends only after one. */
const BOUNDARY = /(?:\n|[。\uff01\uff1f\uff1b!?;…]|\.(?=\s))[」』”’"')\]\uff09]*/g;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The text cut after each sentence or line end, separators kept, so the pieces join back to the text. */
function sentences(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    pieces.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/**
 * Splits a reply into pages of at most `maxBytes` UTF-8 bytes, filling each with whole sentences
 * in order, so the statement and its source come first and no page stops mid-sentence. Only a
 * sentence longer than a page is cut, by the wechaty adapter's splitter at a size in characters
 * that cannot exceed the bytes (a UTF-16 unit is at most three bytes).
 */
export function pageText(text: string, maxBytes = MAX_REPLY_BYTES): string[] {
  if (!Number.isInteger(maxBytes) || maxBytes < 6) throw new RangeError(`pageText needs at least 6 bytes a page, got ${maxBytes}`);
  const pages: string[] = [];
  let page = '';
  const flush = () => {
    if (page.trim()) pages.push(page.trim());
    page = '';
  };
  for (const sentence of sentences(text.trim())) {
    const parts = bytes(sentence) > maxBytes ? splitMessage(sentence, Math.floor(maxBytes / 3)) : [sentence];
    for (const part of parts) {
      if (bytes(page + part) > maxBytes) flush();
      page += part;
    }
  }
  flush();
  return pages;
}
