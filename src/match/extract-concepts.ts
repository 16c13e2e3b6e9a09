import { editDistance, englishWords } from '../text/english.js';
import { segmentWords } from '../text/segment.js';
import { hanNumber } from '../text/han-number.js';
import { syllables } from '../text/pinyin.js';
import { pairCode, type Lexicon, type ZhTerm } from './lexicon.js';

/** What the matcher read in a question. */
export interface Extraction {
  concepts: Set<string>;
  /**
   * Content words no term explained: a sign the question is about something else. Segmented on
   * first read: most questions need only `hasUnexplained`.
   */
  readonly unexplained: string[];
  /** Whether any word is unexplained (`unexplained.length > 0`), known without segmenting. */
  hasUnexplained: boolean;
  /** Years written in the question (2012年, in 2014). */
  years: number[];
  /** Other figures written in the question, for "is it N?" checks. */
  numbers: number[];
  /** True when a term was matched only by tolerating a typo. */
  fuzzy: boolean;
}

// Generic function words of questions, not knowledge about any report.
const ZH_FILLER = new Set(
  '吗 呢 吧 啊 呀 嘛 的 了 是 有 在 和 与 及 跟 我 你 您 他 她 它 们 这 那 个 请问 请 问 一下 下 想 知道 告诉 麻烦 谢谢 小编 到底 究竟 总之 大概 一个 什么 怎么 怎样 如何 哪 哪个 几 多 少 么 都 也 还 就 又 被 把 给 对 为 让 从 向 年 市 里 上 中 时候 情况 方面 问题 咗 嘅 啲 喺 係 系 嗎 呃 哦 喔 嗯 说 讲 看 看看 一共 共 总 全 具体 到 过 着 得 地 之 其 此 该 些 等 以 这种 那种 这类 那类 这样 那样'.split(' '),
);
/** Generic function characters of questions (吗, 的, 什么…): they tell nothing about the report. */
export const isFillerChar = (ch: string) => ZH_FILLER.has(ch);
/** A word the segmenter joined from filler characters (都是, 说的) is filler too. */
const isFiller = (word: string) => ZH_FILLER.has(word) || [...word].every((ch) => ZH_FILLER.has(ch));
const EN_FILLER = new Set(
  'a an the of in on at to for by with from and or is are was were be been do does did how what which who whom when where why many much there it its this that these those me my we our you your they them their he she his her please tell can could would should will about any some s t i year report hi hey quick q ok so just also then than via through using into onto up out get got went go'.split(' '),
);

const HAN_CHAR = /\p{Script=Han}/u;

const NUMBER = /(\d+(?:\.\d+)?)\s*(万)?\s*(年|%)?/g;

const HAN_NUMBER = /[零一二两三四五六七八九十百千万]+/g;

function readNumbers(text: string, years: number[], numbers: number[]) {
  for (const [, digits, wan, suffix] of text.matchAll(NUMBER)) {
    const n = Number(digits);
    const yearLike = Number.isInteger(n) && n >= 1950 && n <= 2100;
    if (suffix === '年' && yearLike) years.push(n);
    else if (yearLike && !wan && digits?.length === 4) years.push(n);
    else numbers.push(wan ? n * 10000 : n);
  }
  for (const [word] of text.matchAll(HAN_NUMBER)) {
    const n = hanNumber(word);
    if (n !== undefined && n > 0) numbers.push(n);
  }
}

interface Span {
  start: number;
  end: number;
}

function scanChinese(text: string, lexicon: Lexicon, concepts: Set<string>): { covered: boolean[]; spans: Span[] } {
  const covered = new Array<boolean>(text.length).fill(false);
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const longer = i + 1 < text.length ? lexicon.zhByPair.get(pairCode(text, i)) : undefined;
    let hit: ZhTerm | undefined;
    if (longer) {
      for (const t of longer) {
        if (text.startsWith(t.term, i)) {
          hit = t;
          break;
        }
      }
    }
    hit ??= lexicon.zhSingle.get(text.charCodeAt(i));
    if (hit) {
      for (const c of hit.concepts) concepts.add(c);
      covered.fill(true, i, i + hit.term.length);
      spans.push({ start: i, end: i + hit.term.length });
      i += hit.term.length;
    } else i++;
  }
  return { covered, spans };
}

/**
 * Flags found anywhere, unless a longer knowledge term holds them (北京 inside 北京国脉互联). Only the
 * flags the text holds are searched for, in the lexicon's order (which sets the order concepts are
 * found in), instead of every flag of the lexicon.
 */
function scanFlags(text: string, lexicon: Lexicon, spans: Span[], concepts: Set<string>) {
  // Only the flags that start where they are tried: one that occurs nowhere would be searched in
  // vain below, and most flags sharing a first character (安徽, 安庆… at 安) do not.
  const possible: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const starting = lexicon.zhFlagsByFirst.get(text.charCodeAt(i));
    if (starting) for (const k of starting) if (text.startsWith(lexicon.zhFlags[k]?.term ?? '', i)) possible.push(k);
  }
  possible.sort((a, b) => a - b);
  for (let p = 0; p < possible.length; p++) {
    const k = possible[p] ?? 0;
    const flag = lexicon.zhFlags[k];
    if (!flag || (p > 0 && possible[p - 1] === k)) continue;
    const { term, concepts: ids } = flag;
    if (ids.every((c) => concepts.has(c))) continue;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
      const end = at + term.length;
      const held = spans.some((s) => s.start <= at && s.end >= end && s.end - s.start > term.length);
      if (!held) {
        for (const c of ids) concepts.add(c);
        break;
      }
    }
  }
}

/** One-substitution matching of longer Chinese terms (新闻发部会 → 新闻发布会). */
function scanChineseTypos(text: string, lexicon: Lexicon, concepts: Set<string>, covered: boolean[]): boolean {
  let found = false;
  const tryAt = (term: string, ids: string[], start: number) => {
    if (start < 0 || start + term.length > text.length || ids.every((c) => concepts.has(c))) return;
    let misses = 0;
    let missAt = -1;
    for (let k = 0; k < term.length && misses < 2; k++) {
      if (text[start + k] !== term[k]) {
        misses++;
        missAt = start + k;
      }
    }
    // The typo must sit where no exact term matched: a character already explained is no typo.
    if (misses === 1 && !covered[missAt] && /\p{Script=Han}/u.test(text[missAt] ?? '')) {
      for (const c of ids) concepts.add(c);
      covered.fill(true, start, start + term.length);
      found = true;
    }
  };
  for (let i = 0; i + 2 <= text.length; i++) {
    const pair = pairCode(text, i);
    for (const { term, concepts: ids } of lexicon.fuzzyZh.byHead.get(pair) ?? []) tryAt(term, ids, i);
    for (const { term, concepts: ids } of lexicon.fuzzyZh.byTail.get(pair) ?? []) tryAt(term, ids, i + 2 - term.length);
  }
  return found;
}

/** Where each character stands in the terms matched by sound: (its index in the term, the term's length). */
type SoundTermChars = Map<number, { k: number; length: number }[]>;
/** Keyed by UTF-16 code: a question's characters are looked up without making a string of each. */
const soundTermChars = new WeakMap<Map<string, ZhTerm[]>, SoundTermChars>();

function charsOfSoundTerms(bySound: Map<string, ZhTerm[]>): SoundTermChars {
  let index = soundTermChars.get(bySound);
  if (index) return index;
  index = new Map();
  for (const terms of bySound.values()) {
    for (const { term } of terms) {
      for (let k = 0; k < term.length; k++) {
        const at = index.get(term.charCodeAt(k)) ?? [];
        if (!at.some((e) => e.k === k && e.length === term.length)) at.push({ k, length: term.length });
        index.set(term.charCodeAt(k), at);
      }
    }
  }
  soundTermChars.set(bySound, index);
  return index;
}

/**
 * What a sound-alike match needs besides the sound: a window sharing a character with a term at the
 * same place, and holding a character no exact term explained (the one read as a typo).
 */
function mayReadAlike(text: string, covered: readonly boolean[], index: SoundTermChars): boolean {
  for (let i = 0; i < text.length; i++) {
    for (const { k, length } of index.get(text.charCodeAt(i)) ?? []) {
      const start = i - k;
      if (start < 0 || start + length > text.length) continue;
      for (let p = start; p < start + length; p++) if (p !== i && !covered[p]) return true;
    }
  }
  return false;
}

/**
 * The windows a sound-alike match can be found in, longest first and then left to right (the order
 * matches are taken in): only those sharing a character with a term of their length at the same
 * place and holding a character no exact term explained, instead of every window of every length,
 * each of which cost its pinyin joined into a key. Each window is `length * WINDOW_KEY + start`.
 */
function soundWindows(text: string, covered: readonly boolean[], index: SoundTermChars): number[] {
  const windows = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    for (const { k, length } of index.get(text.charCodeAt(i)) ?? []) {
      const start = i - k;
      if (start < 0 || start + length > text.length) continue;
      let open = false;
      for (let p = start; p < start + length && !open; p++) open = p !== i && !covered[p];
      if (open) windows.add(length * WINDOW_KEY + start);
    }
  }
  return [...windows].sort((a, b) => Math.floor(b / WINDOW_KEY) - Math.floor(a / WINDOW_KEY) || a - b);
}
/** Larger than any text matched by sound (they are at most MAX_TYPO_TEXT long). */
const WINDOW_KEY = 1 << 16;

/** For each first syllable of a term's sound, the syllable counts of the terms it starts (bit n: n syllables). */
const firstSounds = new WeakMap<Map<string, ZhTerm[]>, Map<string, number>>();

function firstSoundsOf(bySound: Map<string, ZhTerm[]>): Map<string, number> {
  let index = firstSounds.get(bySound);
  if (index) return index;
  index = new Map();
  for (const key of bySound.keys()) {
    const parts = key.split(' ');
    const first = parts[0] ?? '';
    index.set(first, (index.get(first) ?? 0) | (1 << Math.min(parts.length, 30)));
  }
  firstSounds.set(bySound, index);
  return index;
}

/**
 * Sound-alike matching for what exact and one-character matching left unexplained: a window that
 * reads like a known term (减报 → 简报, 查越点 → 查阅点), shares at least one character with it, and
 * differs from it only in characters no exact term explained.
 */
function scanHomophones(text: string, lexicon: Lexicon, concepts: Set<string>, covered: boolean[]): boolean {
  if (!covered.some((c, i) => !c && /\p{Script=Han}/u.test(text[i] ?? ''))) return false;
  const bySound = lexicon.homophones();
  const index = charsOfSoundTerms(bySound);
  // Pinyin of the whole question is the costly part: only worth it when some window could match.
  if (!mayReadAlike(text, covered, index)) return false;
  const sounds = syllables(text);
  if (sounds.length !== text.length) return false;
  // A window whose first syllable starts no term of its length cannot read like one: its sound is
  // not joined into a key (the costly part of a window) nor looked up.
  const firsts = firstSoundsOf(bySound);
  let found = false;
  for (const key of soundWindows(text, covered, index)) {
    const length = Math.floor(key / WINDOW_KEY);
    const start = key % WINDOW_KEY;
    if (((firsts.get(sounds[start] ?? '') ?? 0) & (1 << Math.min(length, 30))) === 0) continue;
    const hit = bySound.get(sounds.slice(start, start + length).join(' '))?.find((t) => {
      let same = 0;
      for (let k = 0; k < length; k++) {
        if (text[start + k] === t.term[k]) same++;
        else if (covered[start + k]) return false;
      }
      return same > 0 && same < length;
    });
    if (hit) {
      for (const c of hit.concepts) concepts.add(c);
      covered.fill(true, start, start + length);
      found = true;
    }
  }
  return found;
}

/** Typo tolerance is a fallback for short questions; long text is matched exactly or not at all. */
const MAX_TYPO_TEXT = 80;
const MAX_TYPO_WORDS = 3;

function nearestStem(word: string, lexicon: Lexicon): string | undefined {
  const budget = word.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const known of lexicon.english().vocabulary) {
    // A typo rarely hits the first letter: comparing only words that share it keeps this to a few calls.
    if (known.word[0] !== word[0] || Math.abs(known.word.length - word.length) > budget) continue;
    const d = editDistance(word, known.word);
    if (d < bestDistance) {
      best = known.stem;
      bestDistance = d;
    }
  }
  return best;
}

function scanEnglish(text: string, lexicon: Lexicon, concepts: Set<string>, typos: boolean, unexplained: string[]): boolean {
  let fuzzy = false;
  const words = englishWords(text).filter((w) => !/^\d/.test(w.word));
  const stems = words.map((w) => w.stem);
  const filler = words.map((w) => EN_FILLER.has(w.word) || EN_FILLER.has(w.stem));
  if (typos) {
    let tried = 0;
    stems.forEach((stem, i) => {
      const word = words[i]?.word ?? stem;
      if (word.length < 5 || filler[i] || lexicon.english().byFirst.has(stem) || tried >= MAX_TYPO_WORDS) return;
      tried++;
      const near = nearestStem(word, lexicon);
      if (near && near !== stem) {
        stems[i] = near;
        fuzzy = true;
      }
    });
  }
  let j = 0;
  while (j < stems.length) {
    const stem = stems[j] ?? '';
    const hit = lexicon.english().byFirst.get(stem)?.find((t) => t.stems.every((s, k) => stems[j + k] === s));
    if (hit) {
      for (const c of hit.concepts) concepts.add(c);
      j += hit.stems.length;
    } else {
      if (!filler[j] && stem.length > 1) unexplained.push(stem);
      j++;
    }
  }
  return fuzzy;
}

/** Ideographs the segmenter always gives as a word of their own when they stand alone (checked for each). */
const isUnifiedIdeograph = (code: number) => (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);

/**
 * The runs of unexplained Han characters that hold a telling one, as start and end positions: a
 * run of filler characters (吗, 的…) is left out, since every word cut from it would be filler.
 */
function tellingRuns(text: string, covered: readonly boolean[]): number[] {
  const runs: number[] = [];
  let start = -1;
  let telling = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch !== undefined && !covered[i] && HAN_CHAR.test(ch)) {
      if (start < 0) start = i;
      telling ||= !ZH_FILLER.has(ch);
      continue;
    }
    if (start >= 0 && telling) runs.push(start, i);
    start = -1;
    telling = false;
  }
  return runs;
}

/** A run of unified ideographs only: the segmenter cuts it wholly into words (checked in the tests). */
function allUnified(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isUnifiedIdeograph(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The words of the telling runs, in order. Each run is segmented on its own (a space parts words
 * for the segmenter too, so this cuts what the whole masked text would), and a lone ideograph is
 * its own word. The segmenter costs microseconds a call, so it runs only for runs that need it.
 */
function wordsOfRuns(text: string, runs: readonly number[]): string[] {
  const words: string[] = [];
  for (let r = 0; r + 1 < runs.length; r += 2) {
    const run = text.slice(runs[r], runs[r + 1]);
    if (run.length === 1 && isUnifiedIdeograph(run.charCodeAt(0))) words.push(run);
    else for (const word of segmentWords(run)) if (!isFiller(word)) words.push(word);
  }
  return words;
}

/** What the exact scan left, so a tolerant pass over the same text starts from it. */
interface Scan {
  text: string;
  covered: readonly boolean[];
  spans: Span[];
  /** The concepts of the Chinese terms and flags, before English added its own. */
  chinese: ReadonlySet<string>;
}
const scans = new WeakMap<Extraction, Scan>();

/**
 * Reads the concepts of a question in matching form (simplified, lower-case): the longest known
 * Chinese term at each position, English phrases over stems, and (when `typos` is set) one-typo
 * matches, and with `soundAlike` pinyin homophones. What no term explains is segmented into words, so the caller can tell a question about
 * something else from one it understood. A tolerant pass given the exact pass of the same text
 * (`exact`) adds to what it found instead of scanning for the exact terms again.
 */
export function extractConcepts(text: string, lexicon: Lexicon, typos = false, soundAlike = false, exact?: Extraction): Extraction {
  const scanned = exact ? scans.get(exact) : undefined;
  const start = exact && scanned?.text === text ? { exact, scanned } : undefined;
  const concepts = new Set<string>(start?.scanned.chinese);
  const years: number[] = start ? [...start.exact.years] : [];
  const numbers: number[] = start ? [...start.exact.numbers] : [];
  const unexplained: string[] = [];
  let covered: boolean[];
  let spans: Span[];
  if (start) {
    covered = [...start.scanned.covered];
    spans = start.scanned.spans;
  } else {
    readNumbers(text, years, numbers);
    ({ covered, spans } = scanChinese(text, lexicon, concepts));
    scanFlags(text, lexicon, spans, concepts);
  }
  // What an exact pass keeps for a tolerant one: its concepts before English adds to them.
  const chinese = !typos && /[a-z]/.test(text) ? new Set(concepts) : concepts;
  const tolerant = typos && text.length <= MAX_TYPO_TEXT;
  let fuzzy = false;
  if (tolerant && /\p{Script=Han}/u.test(text)) {
    fuzzy = scanChineseTypos(text, lexicon, concepts, covered);
    if (soundAlike) fuzzy = scanHomophones(text, lexicon, concepts, covered) || fuzzy;
  }
  // English is scanned again either way: a tolerant pass reads its words with typos.
  if (/[a-z]/.test(text)) fuzzy = scanEnglish(text, lexicon, concepts, tolerant, unexplained) || fuzzy;
  // A telling run of unified ideographs always yields a word that is not filler (the one holding
  // its telling character), so whether anything is unexplained is known without the segmenter.
  const runs = tellingRuns(text, covered);
  let words: string[] | undefined;
  const wordsOf = () => (words ??= [...unexplained, ...wordsOfRuns(text, runs)]);
  let unified = false;
  for (let r = 0; r + 1 < runs.length && !unified; r += 2) unified = allUnified(text, runs[r] ?? 0, runs[r + 1] ?? 0);
  const hasUnexplained = unexplained.length > 0 || unified || (runs.length > 0 && wordsOf().length > 0);
  const extraction: Extraction = {
    concepts,
    years,
    numbers,
    fuzzy,
    hasUnexplained,
    get unexplained() {
      return wordsOf();
    },
  };
  if (!typos) scans.set(extraction, { text, covered, spans, chinese });
  return extraction;
}
