import { createRequire } from 'node:module';
import { Converter as toSimplifiedFactory, Locale } from 'opencc-js/t2cn';
import type { Lang } from '../types.js';
import { recentMemo } from './recent-memo.js';
import { unchangedBy } from './unchanged-by.js';

type Convert = (text: string) => string;

let toSimplified: Convert | undefined;
let alreadySimplified: ((text: string) => boolean) | undefined;

/**
 * The tables `Converter({ from: 'tw', to: 'cn' })` converts with (its tw2s preset: the normalization
 * and conversion chains; the segmentation table only splits): a text none of their changed keys
 * occurs in is simplified already. Anything but dictionary strings there, and every text is converted.
 */
function simplifiedAlready(): (text: string) => boolean {
  const preset = (Locale.configs as Record<string, { normalizationChain?: unknown[][]; conversionChain?: unknown[][] } | undefined>).tw2s;
  const dicts = [...(preset?.normalizationChain ?? []), ...(preset?.conversionChain ?? [])].flat();
  if (!preset?.conversionChain || !dicts.every((d): d is string => typeof d === 'string')) return () => false;
  return unchangedBy(dicts);
}

/**
 * Character-level traditional → simplified (no vocabulary swaps), the form all matching uses. The
 * last conversions are kept: a question and the quotes of its answer are converted several times.
 * Text already simplified (most questions) is told by a few table lookups and returned as it is.
 */
export const simplify: (text: string) => string = recentMemo((text) => {
  if ((alreadySimplified ??= simplifiedAlready())(text)) return text;
  return (toSimplified ??= toSimplifiedFactory({ from: 'tw', to: 'cn' }))(text);
}, 32);

const TAIWAN_PREFERRED: [string, string][] = [['發佈', '發布']];

/**
 * Builds a simplified → traditional converter that knows only the characters of `alphabet` (all the
 * Chinese text the replies can contain). OpenCC's full tables take about 0.3 s and 50 MB to build;
 * filtered to our text they take milliseconds, and convert our text exactly as the full tables would.
 */
export function createTraditionalizer(alphabet: string): Convert {
  const chars = new Set<number>();
  for (let i = 0; i < alphabet.length; i++) chars.add(alphabet.charCodeAt(i));
  const { Locale: tables, ConverterFactory } = createRequire(import.meta.url)('opencc-js/cn2t') as typeof import('opencc-js/cn2t');
  const groups = tables.from.cn.map((group: unknown) => (group as string[]).map((dict) => keepEntries(dict, chars)));
  // Taiwan's standard writes 發布 (as the report does); OpenCC's tables still give 發佈.
  return ConverterFactory(...groups, ...tables.to.tw, [TAIWAN_PREFERRED]);
}

/**
 * The entries of an OpenCC dictionary ("key value|key value|…") whose key uses only `chars`.
 * Scans by character code so the 50,000 rejected phrases allocate nothing.
 */
function keepEntries(dict: string, chars: ReadonlySet<number>): string {
  const kept: string[] = [];
  let start = 0;
  while (start < dict.length) {
    let end = dict.indexOf('|', start);
    if (end < 0) end = dict.length;
    let ok = true;
    for (let i = start; i < end; i++) {
      const code = dict.charCodeAt(i);
      if (code === 32) break;
      if (!chars.has(code)) {
        ok = false;
        break;
      }
    }
    if (ok) kept.push(dict.slice(start, end));
    start = end + 1;
  }
  return kept.join('|');
}

/** Single-character pairs of OpenCC's character tables; the (much larger) phrase tables are skipped. */
function singleCharPairs(dictGroups: readonly (readonly string[])[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (const dicts of dictGroups) {
    for (const dict of dicts) {
      if (dict.indexOf(' ') !== 1) continue;
      for (const entry of dict.split('|')) {
        if (entry.length === 3 && entry[1] === ' ' && entry[0] !== entry[2]) pairs.push([entry[0] as string, entry[2] as string]);
      }
    }
  }
  return pairs;
}

let traditionalOnly: Set<string> | undefined;
let simplifiedOnly: Set<string> | undefined;

/** Characters the t→s table changes: they exist only in traditional text. */
function traditionalChars(): Set<string> {
  traditionalOnly ??= new Set(singleCharPairs(Locale.to.cn as unknown as string[][]).map(([t]) => t));
  return traditionalOnly;
}

/**
 * Characters the s→t table changes: they exist only in simplified text (so 出, valid in both,
 * counts for neither). Loaded only once a question has traditional characters to weigh against.
 */
function simplifiedChars(): Set<string> {
  if (simplifiedOnly) return simplifiedOnly;
  const tables = (createRequire(import.meta.url)('opencc-js/cn2t') as typeof import('opencc-js/cn2t')).Locale.from.cn;
  simplifiedOnly = new Set(singleCharPairs(tables as unknown as string[][]).map(([s]) => s));
  return simplifiedOnly;
}

/**
 * Loads the table every question's script detection reads now rather than on the first question.
 * The s→t table (simplifiedChars) is left to the first question with traditional characters: it
 * is OpenCC's 1 MB cn2t module (about 4 MB of memory), which an idle server need not hold, and that
 * question loads it anyway to answer in traditional script.
 */
export function warmScriptTables(): void {
  traditionalChars();
}

const HAN_CHARS = /\p{Script=Han}/gu;
const LATIN_LETTERS = /[a-z]/gi;

/**
 * Tells which script or language a question is in, so the reply can follow it. Han text counts
 * characters that exist only in one script; text with none (常见字 alone) reads as simplified, the
 * common case.
 */
export function detectLang(text: string): Lang {
  const hanChars = text.match(HAN_CHARS) ?? [];
  const han = hanChars.length;
  const latin = text.match(LATIN_LETTERS)?.length ?? 0;
  if (han === 0) return latin > 0 ? 'en' : 'zh-Hans';
  const simp = simplifiedChars();
  // "通辽2011 news conference几场": a few Chinese characters only a simplified writer types make it Chinese.
  if (latin > han * 3 && han <= 4 && !hanChars.some((ch) => simp.has(ch))) return 'en';
  const trad = traditionalChars();
  const tradCount = hanChars.filter((ch) => trad.has(ch)).length;
  if (tradCount === 0) return 'zh-Hans';
  // Traditional evidence weighs double: a simplified IME never types 個, while traditional text
  // often uses variants (台, 里, 后) that count as simplified here.
  return tradCount * 2 > hanChars.filter((ch) => simp.has(ch)).length ? 'zh-Hant' : 'zh-Hans';
}

/**
 * True when Chinese text reads the same in both scripts ("那其他形式呢?"): its script then comes
 * from the conversation, not from the characters.
 */
export function isScriptNeutral(text: string): boolean {
  const trad = traditionalChars();
  const simp = simplifiedChars();
  for (const ch of text) if (trad.has(ch) || simp.has(ch)) return false;
  return /\p{Script=Han}/u.test(text);
}
