import { createRequire } from 'node:module';

type Natural = {
  stemmer: typeof import('natural/lib/natural/stemmers/porter_stemmer.js').default;
  tokenizer: InstanceType<typeof import('natural/lib/natural/tokenizers/aggressive_tokenizer.js').default>;
  distance: typeof import('natural/lib/natural/distance/levenshtein_distance.js').default;
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
      distance: require('natural/lib/natural/distance/levenshtein_distance.js') as Natural['distance'],
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

/** Edit distance, for tolerating typos in English words ("conferense"). */
export function editDistance(a: string, b: string): number {
  return loadNatural().distance.LevenshteinDistance(a, b);
}
