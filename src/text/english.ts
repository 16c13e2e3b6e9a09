import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import AggressiveTokenizer from 'natural/lib/natural/tokenizers/aggressive_tokenizer.js';
import distances from 'natural/lib/natural/distance/levenshtein_distance.js';

const tokenizer = new AggressiveTokenizer();

/** English words of a text, lower-cased and stemmed, so "conferences" meets "conference". */
export function englishStems(text: string): string[] {
  return englishWords(text).map((w) => w.stem);
}

const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 20_000;

/** Porter stemming is the costliest step of compiling a lexicon; words repeat, so stems are cached (bounded). */
function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = PorterStemmer.stem(word);
    if (stems.size < MAX_CACHED_STEMS) stems.set(word, stem);
  }
  return stem;
}

/** Each word with its stem; punctuation (including / and -) separates words. */
export function englishWords(text: string): { word: string; stem: string }[] {
  return tokenizer.tokenize(text.toLowerCase().replace(/[^a-z0-9'%]+/g, ' ')).map((word) => ({ word, stem: stemOf(word) }));
}

/** Edit distance, for tolerating typos in English words ("conferense"). */
export function editDistance(a: string, b: string): number {
  return distances.LevenshteinDistance(a, b);
}
