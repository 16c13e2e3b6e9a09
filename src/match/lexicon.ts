import { englishWords } from '../text/english.js';
import { syllables } from '../text/pinyin.js';
import { simplify } from '../text/script.js';

/** A term as the matcher sees it: the concepts it stands for. */
export interface ZhTerm {
  term: string;
  concepts: string[];
}
interface EnTerm {
  stems: string[];
  concepts: string[];
}

/** A concept's id with its words in both languages, whatever part of the knowledge it comes from. */
export interface TermSource {
  id: string;
  zh: readonly string[];
  en: readonly string[];
}

/**
 * The knowledge's words compiled for fast lookup: Chinese terms by first character (longest first),
 * flags found anywhere, the longer Chinese terms for one-typo matching, and the English side.
 */
export interface Lexicon {
  zhByFirst: Map<string, ZhTerm[]>;
  /**
   * The same terms for the longest-match scan, which visits every character of a question: those
   * of two or more characters by their first two (`pairCode`, longest first), the one-character
   * ones by their code, so each position tries a few terms, not every term sharing its first
   * character, and no string is made of the characters looked up.
   */
  zhByPair: Map<number, ZhTerm[]>;
  zhSingle: Map<number, ZhTerm>;
  /** Chinese words that flag a question (a place, a topic, 吗) wherever they stand, even inside another word. */
  zhFlags: ZhTerm[];
  /**
   * Positions in `zhFlags` of the flags starting with each character (by its UTF-16 code), so a
   * question is checked only for the flags it can hold.
   */
  zhFlagsByFirst: Map<number, number[]>;
  /**
   * Longer Chinese terms for one-typo matching, by their first two and by their last two
   * characters: with one wrong character in four or more, one of the two pairs is intact. A pair
   * is keyed by `pairCode`, so a question's pairs are looked up without slicing each out.
   */
  fuzzyZh: { byHead: Map<number, ZhTerm[]>; byTail: Map<number, ZhTerm[]> };
  /** The English side, compiled on the first English question (stemming every term costs ~20 ms). */
  english(): EnglishLexicon;
  /**
   * Chinese terms by their toneless pinyin ("jian bao" → 简报), for the typos a pinyin keyboard
   * makes (减报, 陪训); compiled on first use.
   */
  homophones(): Map<string, ZhTerm[]>;
}

export interface EnglishLexicon {
  /** English phrases by their first stem, longest first. */
  byFirst: Map<string, EnTerm[]>;
  /** English words of the terms (with their stems), for correcting a misspelt word. */
  vocabulary: { word: string; stem: string }[];
}

function addTo<T extends { concepts: string[] }>(map: Map<string, T[]>, key: string, entry: T, same: (a: T) => boolean) {
  const list = map.get(key) ?? [];
  const existing = list.find(same);
  if (existing) {
    for (const c of entry.concepts) if (!existing.concepts.includes(c)) existing.concepts.push(c);
  } else list.push(entry);
  map.set(key, list);
}

/** The two UTF-16 codes of `text` from `at` as one number: a character pair as a map key. */
export const pairCode = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);

/** Shorter terms are not matched with a typo: one wrong character in three says too little. */
const MIN_TYPO_TERM = 4;
/** Longest term matched by sound. */
export const MAX_HOMOPHONE_TERM = 6;

/**
 * Compiles term sources. Ids starting with `flagPrefix` are flags: found by substring, so a topic
 * word is seen even where a knowledge term's longest match swallowed part of it.
 */
export function compileLexicon(sources: readonly TermSource[], flagPrefix: string): Lexicon {
  const zhByFirst = new Map<string, ZhTerm[]>();
  const zhFlags: ZhTerm[] = [];
  for (const source of sources) {
    for (const raw of source.zh) {
      const term = simplify(raw.normalize('NFKC').toLowerCase());
      const first = term[0];
      if (!first) continue;
      const flag = source.id.startsWith(flagPrefix);
      if (flag) zhFlags.push({ term, concepts: [source.id] });
      // A flag also blocks the longest-match scan, so 是不是 is not read as 不是.
      addTo(zhByFirst, first, { term, concepts: flag ? [] : [source.id] }, (t) => t.term === term);
    }
  }
  for (const list of zhByFirst.values()) list.sort((a, b) => b.term.length - a.term.length);
  const zhByPair = new Map<number, ZhTerm[]>();
  const zhSingle = new Map<number, ZhTerm>();
  for (const list of zhByFirst.values()) {
    for (const t of list) {
      if (t.term.length === 1) zhSingle.set(t.term.charCodeAt(0), t);
      else zhByPair.set(pairCode(t.term, 0), [...(zhByPair.get(pairCode(t.term, 0)) ?? []), t]);
    }
  }
  const zhFlagsByFirst = new Map<number, number[]>();
  zhFlags.forEach(({ term }, k) => zhFlagsByFirst.set(term.charCodeAt(0), [...(zhFlagsByFirst.get(term.charCodeAt(0)) ?? []), k]));
  const fuzzyZh = { byHead: new Map<number, ZhTerm[]>(), byTail: new Map<number, ZhTerm[]>() };
  for (const t of [...zhByFirst.values()].flat()) {
    if (t.concepts.length === 0 || t.term.length < MIN_TYPO_TERM || !/^\p{Script=Han}+$/u.test(t.term)) continue;
    for (const [index, key] of [[fuzzyZh.byHead, pairCode(t.term, 0)], [fuzzyZh.byTail, pairCode(t.term, t.term.length - 2)]] as const) {
      index.set(key, [...(index.get(key) ?? []), t]);
    }
  }
  let english: EnglishLexicon | undefined;
  let homophones: Map<string, ZhTerm[]> | undefined;
  return {
    zhByFirst,
    zhByPair,
    zhSingle,
    zhFlags,
    zhFlagsByFirst,
    fuzzyZh,
    english: () => (english ??= compileEnglish(sources)),
    homophones: () => (homophones ??= compileHomophones(zhByFirst)),
  };
}

function compileHomophones(zhByFirst: Map<string, ZhTerm[]>): Map<string, ZhTerm[]> {
  const bySound = new Map<string, ZhTerm[]>();
  for (const t of [...zhByFirst.values()].flat()) {
    if (t.concepts.length === 0 || t.term.length < 2 || t.term.length > MAX_HOMOPHONE_TERM || !/^\p{Script=Han}+$/u.test(t.term)) continue;
    const key = syllables(t.term).join(' ');
    bySound.set(key, [...(bySound.get(key) ?? []), t]);
  }
  return bySound;
}

function compileEnglish(sources: readonly TermSource[]): EnglishLexicon {
  const byFirst = new Map<string, EnTerm[]>();
  const vocabulary = new Map<string, string>();
  for (const source of sources) {
    for (const raw of source.en) {
      const words = englishWords(raw);
      const stems = words.map((w) => w.stem);
      const first = stems[0];
      const key = stems.join(' ');
      if (first) addTo(byFirst, first, { stems, concepts: [source.id] }, (t) => t.stems.join(' ') === key);
      for (const { word, stem } of words) if (word.length >= 4) vocabulary.set(word, stem);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return { byFirst, vocabulary: [...vocabulary].map(([word, stem]) => ({ word, stem })) };
}
