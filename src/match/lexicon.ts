import { englishStems } from '../text/english.js';
import { simplify } from '../text/script.js';

/** A term as the matcher sees it: the concepts it stands for. */
interface ZhTerm {
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
 * English phrases by first stem, and the longer Chinese terms kept for one-typo matching.
 */
export interface Lexicon {
  zhByFirst: Map<string, ZhTerm[]>;
  /** Chinese words that flag a question (a place, a topic, 吗) wherever they stand, even inside another word. */
  zhFlags: ZhTerm[];
  enByFirst: Map<string, EnTerm[]>;
  fuzzyZh: ZhTerm[];
  enVocabulary: string[];
}

function addTo<T extends { concepts: string[] }>(map: Map<string, T[]>, key: string, entry: T, same: (a: T) => boolean) {
  const list = map.get(key) ?? [];
  const existing = list.find(same);
  if (existing) {
    for (const c of entry.concepts) if (!existing.concepts.includes(c)) existing.concepts.push(c);
  } else list.push(entry);
  map.set(key, list);
}

/** Shorter terms are not matched with a typo: one wrong character in three says too little. */
const MIN_TYPO_TERM = 4;

/**
 * Compiles term sources. Ids starting with `flagPrefix` are flags: found by substring, so a topic
 * word is seen even where a knowledge term's longest match swallowed part of it.
 */
export function compileLexicon(sources: readonly TermSource[], flagPrefix: string): Lexicon {
  const zhByFirst = new Map<string, ZhTerm[]>();
  const enByFirst = new Map<string, EnTerm[]>();
  const zhFlags: ZhTerm[] = [];
  for (const source of sources) {
    for (const raw of source.zh) {
      const term = simplify(raw.normalize('NFKC').toLowerCase());
      const first = term[0];
      if (source.id.startsWith(flagPrefix)) zhFlags.push({ term, concepts: [source.id] });
      else if (first) addTo(zhByFirst, first, { term, concepts: [source.id] }, (t) => t.term === term);
    }
    for (const raw of source.en) {
      const stems = englishStems(raw);
      const first = stems[0];
      const key = stems.join(' ');
      if (first) addTo(enByFirst, first, { stems, concepts: [source.id] }, (t) => t.stems.join(' ') === key);
    }
  }
  for (const list of zhByFirst.values()) list.sort((a, b) => b.term.length - a.term.length);
  for (const list of enByFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  const fuzzyZh = [...zhByFirst.values()].flat().filter((t) => t.term.length >= MIN_TYPO_TERM && /\p{Script=Han}/u.test(t.term));
  const enVocabulary = [...new Set([...enByFirst.values()].flat().flatMap((t) => t.stems))].filter((s) => s.length >= 4);
  return { zhByFirst, zhFlags, enByFirst, fuzzyZh, enVocabulary };
}
