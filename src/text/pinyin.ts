import { createRequire } from 'node:module';

type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array' }) => string[];
let pinyinFn: PinyinFn | undefined;

/**
 * Toneless pinyin, one syllable per Han character (other characters pass through), read in
 * context so polyphones get their usual reading. pinyin-pro loads its dictionary (about 75 ms), so
 * it is loaded on the first question that needs homophone matching, never at start.
 */
export function syllables(text: string): string[] {
  pinyinFn ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  return pinyinFn(text, { toneType: 'none', type: 'array' });
}
