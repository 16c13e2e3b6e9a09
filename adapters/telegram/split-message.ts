import { escapeHtml } from './escape-html.js';

/** Telegram refuses a message whose text is longer than this (after entities are parsed). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/**
 * One run of text in a reply, kept as plain text until the last moment so it can be split without
 * ever cutting through a tag or an entity. `open`/`close` wrap each piece of it (a `<b>` title, an
 * expandable blockquote); `before` joins it to the previous block when both land in one message.
 */
export interface Block {
  text: string;
  open?: string;
  close?: string;
  before?: string;
}

const escapedLength = (text: string) => escapeHtml(text).length;

let sentenceSegmenter: Intl.Segmenter | undefined;
let graphemeSegmenter: Intl.Segmenter | undefined;

const sentences = (text: string) => [...(sentenceSegmenter ??= new Intl.Segmenter('zh', { granularity: 'sentence' })).segment(text)].map((s) => s.segment);
/** Clause boundaries: after Chinese and Western commas, colons, semicolons and spaces. */
const clauses = (text: string) => text.split(/(?<=[,，、;；:：\s])/u);
const graphemes = (text: string) => [...(graphemeSegmenter ??= new Intl.Segmenter('zh', { granularity: 'grapheme' })).segment(text)].map((s) => s.segment);
const codePoints = (text: string) => [...text];

/** Ever finer ways to cut: a piece that does not fit at one level is cut at the next. */
const LEVELS = [sentences, clauses, graphemes, codePoints];

/** The escaped form of one code point is at most `&amp;`; below this no cut can always fit. */
const MIN_LIMIT = 5;

/**
 * Cuts text into consecutive pieces whose escaped HTML is at most `max` long, at sentence boundaries
 * where it can, then at clause boundaries, then between characters (never inside a surrogate pair
 * or, when avoidable, inside a grapheme). Joining the pieces gives back the text exactly.
 */
export function splitSentences(text: string, max: number, measure: (piece: string) => number = escapedLength): string[] {
  if (max < MIN_LIMIT) throw new RangeError(`a message limit below ${MIN_LIMIT} cannot hold every character`);
  return cut(text, max, measure, 0);
}

function cut(text: string, max: number, measure: (piece: string) => number, level: number): string[] {
  if (measure(text) <= max) return text ? [text] : [];
  const split = LEVELS[level] ?? codePoints;
  const units = split(text).flatMap((unit) => (measure(unit) <= max || level >= LEVELS.length - 1 ? [unit] : cut(unit, max, measure, level + 1)));
  const pieces: string[] = [];
  let current = '';
  let size = 0;
  for (const unit of units) {
    const unitSize = measure(unit);
    if (current && size + unitSize > max) {
      pieces.push(current);
      current = '';
      size = 0;
    }
    current += unit;
    size += unitSize;
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Renders blocks as Telegram HTML messages of at most `limit` characters each. The limit counts
 * the markup too, which is stricter than Telegram's count of visible text, so no chunk is ever
 * refused. A block longer than a message is cut at sentence boundaries and each piece keeps its tag.
 */
export function splitMessage(blocks: readonly Block[], limit: number = TELEGRAM_TEXT_LIMIT): string[] {
  const pieces: { html: string; before: string }[] = [];
  for (const block of blocks) {
    if (!block.text.trim()) continue;
    const open = block.open ?? '';
    const close = block.close ?? '';
    const parts = splitSentences(block.text, limit - open.length - close.length);
    parts.forEach((part, i) => pieces.push({ html: `${open}${escapeHtml(part)}${close}`, before: i === 0 ? (block.before ?? '') : '' }));
  }
  const messages: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current ? `${current}${piece.before}${piece.html}` : piece.html;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    messages.push(current);
    current = piece.html;
  }
  if (current) messages.push(current);
  return messages;
}
