import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/english.js';

const natural = createRequire(import.meta.url)('natural/lib/natural/distance/levenshtein_distance.js') as typeof import('natural/lib/natural/distance/levenshtein_distance.js').default;

// Typos the matcher meets, and edge cases: empty words, equal words, transpositions (two edits in Levenshtein).
const PAIRS: [string, string][] = [
  ['conferense', 'conference'],
  ['conferences', 'conference'],
  ['discloseure', 'disclosure'],
  ['reqeusts', 'requests'],
  ['applicaton', 'application'],
  ['kitten', 'sitting'],
  ['flaw', 'lawn'],
  ['', 'abc'],
  ['abc', ''],
  ['', ''],
  ['same', 'same'],
  ['ab', 'ba'],
  ['governmnet', 'government'],
];

describe('editDistance', () => {
  it('gives the Levenshtein distance natural gives, on typos and edge cases', () => {
    for (const [a, b] of PAIRS) expect(editDistance(a, b), `${a} → ${b}`).toBe(natural.LevenshteinDistance(a, b));
  });

  it('counts a substitution, an insertion and a transposition as the edits they are', () => {
    expect(editDistance('conferense', 'conference')).toBe(1);
    expect(editDistance('conferences', 'conference')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(2);
  });
});
