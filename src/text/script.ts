import { createRequire } from 'node:module';
import { Converter as toSimplifiedFactory, Locale } from 'opencc-js/t2cn';
import type { Lang } from '../types.js';

type Convert = (text: string) => string;

let toSimplified: Convert | undefined;
let charSets: { traditionalOnly: Set<string>; simplifiedOnly: Set<string> } | undefined;

/** Character-level traditional → simplified (no vocabulary swaps), the form all matching uses. */
export function simplify(text: string): string {
  const convert = (toSimplified ??= toSimplifiedFactory({ from: 'tw', to: 'cn' }));
  return convert(text);
}

const TAIWAN_PREFERRED: [string, string][] = [['發佈', '發布']];

/**
 * Builds a simplified → traditional converter that knows only the characters of `alphabet` (all the
 * Chinese text the replies can contain). OpenCC's full tables take about 0.3 s and 50 MB to build;
 * filtered to our text they take milliseconds, and convert our text exactly as the full tables would.
 */
export function createTraditionalizer(alphabet: string): Convert {
  const chars = new Set(alphabet);
  const { Locale: tables, ConverterFactory } = createRequire(import.meta.url)('opencc-js/cn2t') as typeof import('opencc-js/cn2t');
  const keep = (dict: string) =>
    dict
      .split('|')
      .filter((entry) => [...(entry.split(' ')[0] ?? '')].every((ch) => chars.has(ch)))
      .join('|');
  const groups = tables.from.cn.map((group: unknown) => (group as unknown as string[]).map(keep));
  // Taiwan's standard writes 發布 (as the report does); OpenCC's tables still give 發佈.
  return ConverterFactory(...groups, ...tables.to.tw, [TAIWAN_PREFERRED]);
}

/** Loads the script-detection tables now rather than on the first question. */
export function warmScriptTables(): void {
  charSets ??= buildCharSets();
}

function singleCharPairs(dictGroups: readonly (readonly string[])[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const dicts of dictGroups) {
    for (const dict of dicts) {
      for (const entry of dict.split('|')) {
        const [from, to] = entry.split(' ');
        if (from && to && [...from].length === 1 && [...to].length === 1 && from !== to) pairs.push([from, to]);
      }
    }
  }
  return pairs;
}

/**
 * Characters that exist in one script only, read from OpenCC's character tables: a traditional
 * character the t→s table changes, and a simplified one the s→t table changes (so 出, valid in both,
 * counts for neither).
 */
function buildCharSets() {
  const require = createRequire(import.meta.url);
  const toTraditionalTables = (require('opencc-js/cn2t') as typeof import('opencc-js/cn2t')).Locale.from.cn;
  return {
    traditionalOnly: new Set(singleCharPairs(Locale.to.cn as unknown as string[][]).map(([t]) => t)),
    simplifiedOnly: new Set(singleCharPairs(toTraditionalTables as unknown as string[][]).map(([s]) => s)),
  };
}

/**
 * Tells which script or language a question is in, so the reply can follow it. Han text counts
 * characters that exist only in one script; a tie (常见字 alone) reads as simplified, the common case.
 */
export function detectLang(text: string): Lang {
  let han = 0;
  let latin = 0;
  let trad = 0;
  let simp = 0;
  charSets ??= buildCharSets();
  for (const ch of text) {
    if (/\p{Script=Han}/u.test(ch)) {
      han++;
      if (charSets.traditionalOnly.has(ch)) trad++;
      else if (charSets.simplifiedOnly.has(ch)) simp++;
    } else if (/[a-z]/i.test(ch)) latin++;
  }
  if (han === 0) return latin > 0 ? 'en' : 'zh-Hans';
  if (latin > han * 3 && han <= 4) return 'en';
  return trad > simp ? 'zh-Hant' : 'zh-Hans';
}
