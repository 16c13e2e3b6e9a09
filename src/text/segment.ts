const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Splits Chinese (or mixed) text into word-like pieces, dropping punctuation and spaces. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const piece of segmenter.segment(text)) if (piece.isWordLike) words.push(piece.segment);
  return words;
}
