import { recentMemo } from './recent-memo.js';

let segmenter: Intl.Segmenter | undefined;

/**
 * Splits Chinese (or mixed) text into word-like pieces, dropping punctuation and spaces. The
 * segmenter loads ICU's dictionary (about 20 ms), so it is built on first use.
 */
export const segmentWords: (text: string) => readonly string[] = recentMemo((text) => {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  for (const piece of segmenter.segment(text)) if (piece.isWordLike) words.push(piece.segment);
  return words;
}, 8);
