import { recentMemo } from './recent-memo.js';

/** Longest input the engine reads; a question is never longer, so huge pastes cost nothing. */
export const MAX_QUESTION_CHARS = 300;

const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u00ad]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const SPACE_RUN = /[\s\u0000-\u001f\u007f-\u009f]+/g;
const TAG = /<\/?[a-z!][^<>]{0,200}>/gi;
const HAN_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const HAN_YEAR = /([〇零一二三四五六七八九]{4})(?=年)/g;

/**
 * Makes raw user text safe and uniform: first drops zero-width characters and folds whitespace runs
 * (two linear passes, so 1,200 leading spaces cannot push a question past the cap), then caps the
 * length (so 100 KB costs no more than a line), then NFKC (full-width → half-width), drops control
 * and bidi characters and markup tags, folds whitespace again, and writes years given in Chinese
 * digits (二〇一二年) as Arabic digits.
 */
export const normalizeText: (raw: string) => string = recentMemo((raw) => (normalAlready(raw) ? raw : normalizeOnce(raw)), 8);

const SPACE = 0x20;
const LESS_THAN = 0x3c;
const HAN_YEAR_ANY = new RegExp(HAN_YEAR.source);

/**
 * True when normalizeOnce would return the text as it is: at most the cap long, only printable
 * ASCII but '<' (which could open a tag), Han ideographs and 、。 (all NFKC-stable, and none of them
 * combines with the next), single spaces between words, and no year in Chinese digits. Most text
 * the engine reads is such (a question the library has normalized already, a clause of one), and
 * is told by one pass over its codes instead of NFKC and seven regular-expression passes.
 */
export function normalAlready(raw: string): boolean {
  if (raw.length > MAX_QUESTION_CHARS) return false;
  let previous = SPACE;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === SPACE) {
      if (previous === SPACE) return false;
    } else if (!((code > SPACE && code < 0x7f && code !== LESS_THAN) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3001 || code === 0x3002)) {
      return false;
    }
    previous = code;
  }
  return previous !== SPACE && !HAN_YEAR_ANY.test(raw);
}

/** The normalization itself, without the memo or the test for text already normal (which is checked against it). */
export function normalizeOnce(raw: string): string {
  const folded = raw.replace(INVISIBLE, '').replace(SPACE_RUN, ' ').trimStart();
  const capped = folded.length > MAX_QUESTION_CHARS * 4 ? folded.slice(0, MAX_QUESTION_CHARS * 4) : folded;
  const text = capped
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .replace(TAG, ' ')
    .replace(HAN_YEAR, hanYearDigits)
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_QUESTION_CHARS ? text.slice(0, MAX_QUESTION_CHARS) : text;
}

function hanYearDigits(digits: string): string {
  return [...digits].map((d) => HAN_DIGITS[d] ?? d).join('');
}

/** Years written in Chinese digits (二〇〇九年) in Arabic ones, for text of any length (a report's, not a question's). */
export function arabicYears(text: string): string {
  return text.replace(HAN_YEAR, hanYearDigits);
}

/** True when the text has letters or digits of any script, i.e. something that could be a question. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
