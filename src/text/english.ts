import { createRequire } from 'node:module';

type Natural = {
  stemmer: typeof import('natural/lib/natural/stemmers/porter_stemmer.js').default;
  tokenizer: InstanceType<typeof import('natural/lib/natural/tokenizers/aggressive_tokenizer.js').default>;
};
let natural: Natural | undefined;

/** natural's submodules, loaded on the first English text: a Chinese question never pays for them. */
function loadNatural(): Natural {
  if (!natural) {
    const require = createRequire(import.meta.url);
    const Tokenizer = require('natural/lib/natural/tokenizers/aggressive_tokenizer.js') as typeof import('natural/lib/natural/tokenizers/aggressive_tokenizer.js').default;
    natural = {
      stemmer: require('natural/lib/natural/stemmers/porter_stemmer.js') as Natural['stemmer'],
      tokenizer: new Tokenizer(),
    };
  }
  return natural;
}

const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 20_000;

/** Porter stemming is the costliest step of compiling a lexicon; words repeat, so stems are cached (bounded). */
function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = loadNatural().stemmer.stem(word);
    if (stems.size < MAX_CACHED_STEMS) stems.set(word, stem);
  }
  return stem;
}

/** Each word with its stem, lower-cased, so "conferences" meets "conference"; punctuation (including / and -) separates words. */
export function englishWords(text: string): { word: string; stem: string }[] {
  return loadNatural().tokenizer.tokenize(text.toLowerCase().replace(/[^a-z0-9%]+/g, ' ')).map((word) => ({ word, stem: stemOf(word) }));
}

/**
 * Edit distance (Levenshtein: insertions, deletions and substitutions cost 1, as natural's
 * LevenshteinDistance), for tolerating typos in English words ("conferense"). Two rows of numbers
 * instead of natural's matrix of cell objects, which was a quarter of what a question allocated.
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}
