// natural's top-level entry loads every module it has (about 0.4 s) and prints dotenv notices on
// standard output, so the engine imports the three submodules it uses; these are their shapes.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer.js' {
  export default class AggressiveTokenizer {
    tokenize(text: string): string[];
  }
}
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  const distances: { LevenshteinDistance(a: string, b: string, options?: object): number };
  export default distances;
}
